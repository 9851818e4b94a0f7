using CxApi.Common.Paging;
using FluentValidation;

namespace CxApi.Features.Reviews;

public sealed class ReviewListQueryValidator : ListQueryValidator<ReviewListQuery>
{
    public ReviewListQueryValidator()
    {
        RuleFor(q => q.MinRating).InclusiveBetween(ReviewRules.MinRating, ReviewRules.MaxRating);
        RuleFor(q => q.MaxRating).InclusiveBetween(ReviewRules.MinRating, ReviewRules.MaxRating)
            .GreaterThanOrEqualTo(q => q.MinRating).When(q => q.MinRating is not null, ApplyConditionTo.CurrentValidator);
    }
}
