namespace CxApi.Features.Metrics;

public sealed class SurveyMetricQueryValidator(TimeProvider clock) : MetricQueryValidator<SurveyMetricQuery>(clock);
