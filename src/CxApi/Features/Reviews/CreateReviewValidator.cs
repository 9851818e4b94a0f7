using CxApi.Common.Validation;
using FluentValidation;

namespace CxApi.Features.Reviews;

public sealed class CreateReviewValidator : AbstractValidator<CreateReviewRequest>
{
    public CreateReviewValidator(TimeProvider clock)
    {
        RuleFor(r => r.Source).NotEmpty().Name();
        RuleFor(r => r.Rating).NotNull().InclusiveBetween(ReviewRules.MinRating, ReviewRules.MaxRating);
        RuleFor(r => r.PublishedAt).RecordTime(clock);
        RuleFor(r => r.ExternalId).ExternalId();
        RuleFor(r => r.Title).Name();
        RuleFor(r => r.Body).Text();
        RuleFor(r => r.Author).Name();
        RuleFor(r => r.Product).Name();
        RuleFor(r => r.Region).Name();
        RuleFor(r => r.Service).Name();
        RuleFor(r => r.CustomerId).Name();
        RuleFor(r => r.Language).MaximumLength(35).Matches(ReviewRules.LanguageTag())
            .WithMessage("'language' must be a BCP 47 language tag such as 'en' or 'pt-BR'.");
    }
}
