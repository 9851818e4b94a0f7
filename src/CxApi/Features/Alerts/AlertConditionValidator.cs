using FluentValidation;

namespace CxApi.Features.Alerts;

/// <summary>The ranges of a condition's numbers (whether they fit together is the rule's check).</summary>
public sealed class AlertConditionValidator : AbstractValidator<AlertCondition>
{
    public AlertConditionValidator() =>
        RuleFor(c => c.DropBy).GreaterThan(0).WithMessage("'dropBy' is a drop in points and must be positive.");
}
