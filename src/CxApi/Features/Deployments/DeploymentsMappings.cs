using CxApi.Common;
using CxApi.Infrastructure.Entities;
using Mapster;

namespace CxApi.Features.Deployments;

/// <summary>How a stored deployment becomes its contract; every member without a line here has the same name on both.</summary>
public sealed class DeploymentsMappings : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<DeploymentEntity, Deployment>()
            // The entity's Version is the record's own revision; the deployed version is stored as Release.
            .Map(d => d.Version, s => s.Release)
            // Time conversion: stored as Unix microseconds, answered as RFC 3339.
            .Map(d => d.StartedAt, s => UnixMicros.ToDateTimeOffset(s.StartedAtMicros))
            .Map(d => d.FinishedAt, s => UnixMicros.ToDateTimeOffset(s.FinishedAtMicros))
            .Map(d => d.ReceivedAt, s => UnixMicros.ToDateTimeOffset(s.ReceivedAtMicros));
}
