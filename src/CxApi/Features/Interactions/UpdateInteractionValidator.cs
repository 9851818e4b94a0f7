using CxApi.Common.Validation;
using FluentValidation;

namespace CxApi.Features.Interactions;

public sealed class UpdateInteractionValidator : AbstractValidator<UpdateInteractionRequest>
{
    public UpdateInteractionValidator(TimeProvider clock)
    {
        RuleFor(i => i.FirstResponseAt.Value).PastTime(clock).OverridePropertyName("firstResponseAt");
        RuleFor(i => i.ResolvedAt.Value).PastTime(clock).OverridePropertyName("resolvedAt");
        RuleFor(i => i.Status.Value).NotNull().OverridePropertyName("status").When(i => i.Status.IsSet);
        RuleFor(i => i.ContactCount.Value).NotNull().InclusiveBetween(1, InteractionRules.MaxContactCount)
            .OverridePropertyName("contactCount").WithName("contactCount").When(i => i.ContactCount.IsSet);
        RuleFor(i => i.Escalated.Value).NotNull().OverridePropertyName("escalated").When(i => i.Escalated.IsSet);
        RuleFor(i => i.Team.Value).Name().OverridePropertyName("team").When(i => i.Team.IsSet);
        RuleFor(i => i.Tags.Value).NotNull().OverridePropertyName("tags").When(i => i.Tags.IsSet);
        this.Tags(i => i.Tags.Value, "tags");
    }
}
