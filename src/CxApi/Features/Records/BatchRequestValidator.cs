using FluentValidation;

namespace CxApi.Features.Records;

public sealed class BatchRequestValidator : AbstractValidator<BatchRequest>
{
    public BatchRequestValidator() =>
        RuleFor(b => b.Items).NotNull().WithMessage("'items' is required.")
            .Must(items => items is null || items.Count is > 0 and <= BatchRequest.MaxItems)
            .WithMessage($"A batch has 1–{BatchRequest.MaxItems} items.");
}
