using CxApi.Features.Metrics;

namespace CxApi.Features.Operations;

public sealed class ChangesMetricQueryValidator(TimeProvider clock) : MetricQueryValidator<ChangesMetricQuery>(clock);
