using CxApi.Features.Metrics;
using FluentValidation;

namespace CxApi.Features.Operations;

public sealed class AvailabilityQueryValidator : MetricQueryValidator<AvailabilityQuery>
{
    public AvailabilityQueryValidator(TimeProvider clock) : base(clock) =>
        RuleFor(q => q.PartialWeight).InclusiveBetween(0, 1);
}
