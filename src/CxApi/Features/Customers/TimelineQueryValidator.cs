using CxApi.Common.Paging;
using CxApi.Common.Validation;
using FluentValidation;

namespace CxApi.Features.Customers;

public sealed class TimelineQueryValidator : ListQueryValidator<TimelineQuery>
{
    public static readonly string[] Types = ["response", "interaction", "review", "incident"];

    public TimelineQueryValidator()
    {
        RuleFor(q => q.CustomerId).NotEmpty().MaximumLength(Limits.Name);
        RuleForEach(q => q.Type).Must(t => Types.Contains(t)).WithMessage($"must be one of: {string.Join(", ", Types)}");
    }
}
