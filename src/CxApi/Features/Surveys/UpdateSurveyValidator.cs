using CxApi.Common.Validation;
using FluentValidation;

namespace CxApi.Features.Surveys;

public sealed class UpdateSurveyValidator : AbstractValidator<UpdateSurveyRequest>
{
    public UpdateSurveyValidator()
    {
        RuleFor(s => s.Name.Value).NotEmpty().Name().OverridePropertyName("name").When(s => s.Name.IsSet);
        RuleFor(s => s.Question.Value).Text().OverridePropertyName("question").When(s => s.Question.IsSet);
        RuleFor(s => s.Active.Value).NotNull().OverridePropertyName("active").When(s => s.Active.IsSet);
    }
}
