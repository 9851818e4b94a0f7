using FluentValidation;

namespace CxApi.Features.Operations;

public sealed class DeploymentImpactQueryValidator : AbstractValidator<DeploymentImpactQuery>
{
    public DeploymentImpactQueryValidator()
    {
        RuleFor(q => q.Before).ImpactWindow();
        RuleFor(q => q.After).ImpactWindow();
    }
}
