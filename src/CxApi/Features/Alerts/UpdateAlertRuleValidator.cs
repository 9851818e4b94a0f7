using FluentValidation;

namespace CxApi.Features.Alerts;

/// <summary>Fields that may not be cleared, and ranges (documented on the PATCH body too); everything else is checked on the merged rule.</summary>
public sealed class UpdateAlertRuleValidator : AbstractValidator<UpdateAlertRuleRequest>
{
    public UpdateAlertRuleValidator()
    {
        RuleFor(p => p.Name.Value).NotEmpty().OverridePropertyName("name").When(p => p.Name.IsSet);
        RuleFor(p => p.Active.Value).NotNull().OverridePropertyName("active").When(p => p.Active.IsSet);
        RuleFor(p => p.MinResponses.Value).InclusiveBetween(1, CreateAlertRuleValidator.MaxMinResponses)
            .OverridePropertyName("minResponses").WithName("minResponses").When(p => p.MinResponses.IsSet);
    }
}
