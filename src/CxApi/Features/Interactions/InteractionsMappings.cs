using CxApi.Common;
using CxApi.Infrastructure.Entities;
using Mapster;

namespace CxApi.Features.Interactions;

/// <summary>How a stored interaction becomes its contract; every member without a line here has the same name on both.</summary>
public sealed class InteractionsMappings : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<InteractionEntity, Interaction>()
            // Logic: the durations in seconds from opening to the first response and to resolution (null until then).
            .Map(d => d.FirstResponseSeconds, s => Seconds(s.OpenedAtMicros, s.FirstResponseAtMicros))
            .Map(d => d.ResolutionSeconds, s => Seconds(s.OpenedAtMicros, s.ResolvedAtMicros))
            // Time conversion: stored as Unix microseconds, answered as RFC 3339.
            .Map(d => d.OpenedAt, s => UnixMicros.ToDateTimeOffset(s.OpenedAtMicros))
            .Map(d => d.FirstResponseAt, s => UnixMicros.ToDateTimeOffset(s.FirstResponseAtMicros))
            .Map(d => d.ResolvedAt, s => UnixMicros.ToDateTimeOffset(s.ResolvedAtMicros))
            .Map(d => d.ReceivedAt, s => UnixMicros.ToDateTimeOffset(s.ReceivedAtMicros))
            .Map(d => d.UpdatedAt, s => UnixMicros.ToDateTimeOffset(s.UpdatedAtMicros));

    /// <summary>Computed in .NET, also in a database projection, so that both providers give the same double.</summary>
    internal static double? Seconds(long from, long? to) => to is { } t ? (t - from) / 1e6 : null;
}
