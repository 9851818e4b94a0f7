using CxApi.Common;
using CxApi.Common.Validation;
using FluentValidation;

namespace CxApi.Features.Interactions;

public sealed class CreateInteractionValidator : AbstractValidator<CreateInteractionRequest>
{
    public CreateInteractionValidator(TimeProvider clock)
    {
        RuleFor(i => i.Channel).NotNull().WithMessage($"'channel' is required: one of {EnumText<Channel>.AllowedList}.");
        RuleFor(i => i.Type).NotEmpty().Name();
        RuleFor(i => i.OpenedAt).RecordTime(clock);
        RuleFor(i => i.Status).NotNull().WithMessage($"'status' is required: one of {EnumText<InteractionStatus>.AllowedList}.");
        RuleFor(i => i.FirstResponseAt).PastTime(clock);
        RuleFor(i => i.ResolvedAt).PastTime(clock);
        RuleFor(i => i.ContactCount).InclusiveBetween(1, InteractionRules.MaxContactCount);
        RuleFor(i => i.ExternalId).ExternalId();
        RuleFor(i => i.CustomerId).Name();
        RuleFor(i => i.Product).Name();
        RuleFor(i => i.Region).Name();
        RuleFor(i => i.Service).Name();
        RuleFor(i => i.Team).Name();
        this.Tags(i => i.Tags);

        RuleFor(i => i).Custom((i, context) =>
        {
            foreach (var (field, message) in InteractionRules.Check(UnixMicros.From(i.OpenedAt!.Value),
                         UnixMicros.From(i.FirstResponseAt), UnixMicros.From(i.ResolvedAt), i.Status!.Value))
                context.AddFailure(field, message);
        }).When(i => i.OpenedAt is not null && i.Status is not null);
    }
}
