namespace CxApi.Features.Metrics.Calculators;

/// <summary>A calendar bucket: local start and end with the zone's offset at each.</summary>
public sealed record TimeBucket(DateTimeOffset Start, DateTimeOffset End);
