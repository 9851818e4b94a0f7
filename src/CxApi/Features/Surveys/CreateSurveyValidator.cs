using CxApi.Common;
using CxApi.Common.Validation;
using FluentValidation;

namespace CxApi.Features.Surveys;

public sealed class CreateSurveyValidator : AbstractValidator<CreateSurveyRequest>
{
    public CreateSurveyValidator()
    {
        RuleFor(s => s.Name).NotEmpty().Name();
        RuleFor(s => s.Kind).NotNull().WithMessage($"'kind' is required: one of {EnumText<SurveyKind>.AllowedList}.");
        RuleFor(s => s.Question).Text();
        RuleFor(s => s.Touchpoint).Name();
    }
}
