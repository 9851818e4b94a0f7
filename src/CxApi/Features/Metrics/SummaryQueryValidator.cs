namespace CxApi.Features.Metrics;

public sealed class SummaryQueryValidator(TimeProvider clock) : MetricQueryValidator<SummaryQuery>(clock);
