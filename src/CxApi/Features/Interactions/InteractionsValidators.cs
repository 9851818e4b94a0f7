using CxApi.Common;
using CxApi.Common.Paging;
using CxApi.Common.Validation;
using FluentValidation;

namespace CxApi.Features.Interactions;

/// <summary>How an interaction's times and status must relate, on create and after every PATCH.</summary>
public static class InteractionRules
{
    public const int MaxContactCount = 10_000;

    public static IEnumerable<(string Field, string Message)> Check(long openedAt, long? firstResponseAt, long? resolvedAt, InteractionStatus status)
    {
        if (firstResponseAt < openedAt) yield return ("firstResponseAt", "'firstResponseAt' must not precede 'openedAt'.");
        if (resolvedAt < openedAt) yield return ("resolvedAt", "'resolvedAt' must not precede 'openedAt'.");
        if (resolvedAt is not null && status != InteractionStatus.Resolved)
            yield return ("status", "'status' must be 'resolved' when 'resolvedAt' is set.");
        if (resolvedAt is null && status == InteractionStatus.Resolved)
            yield return ("resolvedAt", "'resolvedAt' is required when 'status' is 'resolved'.");
    }
}

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

public sealed class InteractionListQueryValidator : ListQueryValidator<InteractionListQuery>
{
    public InteractionListQueryValidator()
    {
        EnumFilter<Channel>(q => q.Channel);
        EnumFilter<InteractionStatus>(q => q.Status);
    }
}
