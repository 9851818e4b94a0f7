using FluentValidation;

namespace CxApi.Features.Metrics;

public sealed class ReviewMetricQueryValidator : MetricQueryValidator<ReviewMetricQuery>
{
    public ReviewMetricQueryValidator(TimeProvider clock) : base(clock)
    {
        RuleFor(q => q.PriorMean).InclusiveBetween(1, 5);
        RuleFor(q => q.PriorWeight).InclusiveBetween(0, 1_000_000);
    }
}
