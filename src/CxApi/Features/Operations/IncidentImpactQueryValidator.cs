using FluentValidation;

namespace CxApi.Features.Operations;

public sealed class IncidentImpactQueryValidator : AbstractValidator<IncidentImpactQuery>
{
    public IncidentImpactQueryValidator()
    {
        RuleFor(q => q.Baseline).ImpactWindow();
        RuleFor(q => q.After).ImpactWindow();
    }
}
