using CxApi.Common.Validation;
using CxApi.Features.Metrics;
using FluentValidation;

namespace CxApi.Features.Operations;

public sealed class ImpactQueryValidator : AbstractValidator<ImpactQuery>
{
    public ImpactQueryValidator()
    {
        RuleFor(q => q.Service).NotEmpty().WithMessage("names at least one service.");
        RuleFor(q => q.Service!.Length).LessThanOrEqualTo(MetricQueryValidator<AvailabilityQuery>.MaxValuesPerFilter).When(q => q.Service is not null)
            .OverridePropertyName("service");
        RuleForEach(q => q.Service).NotEmpty().MaximumLength(Limits.Name);
        RuleFor(q => q.At).NotEmpty().PeriodTime();
        RuleFor(q => q.Before).ImpactWindow();
        RuleFor(q => q.After).ImpactWindow();
    }
}
