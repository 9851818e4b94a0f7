using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Metrics;

public sealed record TrendPlan(TrendInterval Interval, TimeZoneInfo Zone, IReadOnlyList<TimeBucket> Buckets);
