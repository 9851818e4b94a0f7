namespace CxApi.Features.Metrics.Calculators;

public sealed record DurationStats(long Count, double? Median, double? P90, double? Mean);
