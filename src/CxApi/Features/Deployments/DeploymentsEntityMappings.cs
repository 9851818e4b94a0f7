using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Validation;
using CxApi.Infrastructure.Entities;

namespace CxApi.Features.Deployments;

/// <summary>How a request becomes a stored deployment (the contract side is <see cref="DeploymentsMappings"/>).</summary>
public static class DeploymentsEntityMappings
{
    public static DeploymentEntity ToEntity(this CreateDeploymentRequest d, Caller caller, long nowMicros) => new()
    {
        Id = Ids.New(),
        ClientId = caller.ClientId,
        CreatedByKeyId = caller.KeyId,
        ExternalId = CommonRules.CanonicalExternalId(d.ExternalId),
        ReceivedAtMicros = nowMicros,
        Service = d.Service!,
        Release = d.Version,
        Environment = d.Environment ?? DeploymentRules.DefaultEnvironment,
        Kind = d.Kind ?? DeploymentKind.Deploy,
        StartedAtMicros = UnixMicros.From(d.StartedAt),
        FinishedAtMicros = UnixMicros.From(d.FinishedAt!.Value),
        Result = d.Result ?? DeploymentResult.Success,
        Initiative = d.Initiative,
        Url = d.Url,
    };
}
