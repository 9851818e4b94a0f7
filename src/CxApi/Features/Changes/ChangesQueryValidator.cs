using CxApi.Common.Validation;
using FluentValidation;

namespace CxApi.Features.Changes;

public sealed class ChangesQueryValidator : AbstractValidator<ChangesQuery>
{
    public ChangesQueryValidator()
    {
        RuleFor(q => q.Since).Must(s => s is null || ChangeToken.TryDecode(s, out _)).WithMessage("is not a token this feed issued");
        RuleFor(q => q.Limit).InclusiveBetween(1, Limits.MaxPageSize);
    }
}
