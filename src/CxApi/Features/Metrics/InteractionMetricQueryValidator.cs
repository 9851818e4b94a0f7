using CxApi.Common.Validation;

namespace CxApi.Features.Metrics;

public sealed class InteractionMetricQueryValidator : MetricQueryValidator<InteractionMetricQuery>
{
    public InteractionMetricQueryValidator(TimeProvider clock) : base(clock) =>
        RuleFor(q => q.SlaSeconds).SlaSeconds();
}
