using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Validation;
using CxApi.Infrastructure.Entities;

namespace CxApi.Features.Services;

/// <summary>How a request becomes a stored service and how a PATCH changes one (the contract side is <see cref="ServicesMappings"/>).</summary>
public static class ServicesEntityMappings
{
    public static ServiceEntity ToEntity(this CreateServiceRequest s, Caller caller, long nowMicros) => new()
    {
        Id = Ids.New(),
        ClientId = caller.ClientId,
        CreatedByKeyId = caller.KeyId,
        ExternalId = CommonRules.CanonicalExternalId(s.Key),
        ReceivedAtMicros = nowMicros,
        UpdatedAtMicros = nowMicros,
        Name = s.Name!,
        Tier = s.Tier!.Value,
        CustomerFacing = s.CustomerFacing ?? true,
        Team = s.Team,
    };

    public static void Apply(this ServiceEntity e, UpdateServiceRequest patch)
    {
        e.Name = patch.Name.Or(e.Name) ?? e.Name;
        e.Tier = patch.Tier.Or(e.Tier) ?? e.Tier;
        e.CustomerFacing = patch.CustomerFacing.Or(e.CustomerFacing) ?? e.CustomerFacing;
        e.Team = patch.Team.Or(e.Team);
    }
}
