using CxApi.Common;
using CxApi.Infrastructure.Entities;
using Mapster;

namespace CxApi.Features.Incidents;

/// <summary>How a stored incident becomes its contract; every member without a line here has the same name on both.</summary>
public sealed class IncidentsMappings : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<IncidentEntity, Incident>()
            // Time conversion: stored as Unix microseconds, answered as RFC 3339.
            .Map(d => d.StartedAt, s => UnixMicros.ToDateTimeOffset(s.StartedAtMicros))
            .Map(d => d.DetectedAt, s => UnixMicros.ToDateTimeOffset(s.DetectedAtMicros))
            .Map(d => d.AcknowledgedAt, s => UnixMicros.ToDateTimeOffset(s.AcknowledgedAtMicros))
            .Map(d => d.MitigatedAt, s => UnixMicros.ToDateTimeOffset(s.MitigatedAtMicros))
            .Map(d => d.ResolvedAt, s => UnixMicros.ToDateTimeOffset(s.ResolvedAtMicros))
            .Map(d => d.ReceivedAt, s => UnixMicros.ToDateTimeOffset(s.ReceivedAtMicros))
            .Map(d => d.UpdatedAt, s => UnixMicros.ToDateTimeOffset(s.UpdatedAtMicros));
}
