using CxApi.Common;
using CxApi.Infrastructure.Entities;
using Mapster;

namespace CxApi.Features.Reviews;

/// <summary>How a stored review becomes its contract; every member without a line here has the same name on both.</summary>
public sealed class ReviewsMappings : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<ReviewEntity, Review>()
            // Time conversion: stored as Unix microseconds, answered as RFC 3339.
            .Map(d => d.PublishedAt, s => UnixMicros.ToDateTimeOffset(s.PublishedAtMicros))
            .Map(d => d.ReceivedAt, s => UnixMicros.ToDateTimeOffset(s.ReceivedAtMicros));
}
