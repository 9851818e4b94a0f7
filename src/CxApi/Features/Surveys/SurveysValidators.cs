using CxApi.Common;
using CxApi.Common.Paging;
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

public sealed class UpdateSurveyValidator : AbstractValidator<UpdateSurveyRequest>
{
    public UpdateSurveyValidator()
    {
        RuleFor(s => s.Name.Value).NotEmpty().Name().OverridePropertyName("name").When(s => s.Name.IsSet);
        RuleFor(s => s.Question.Value).Text().OverridePropertyName("question").When(s => s.Question.IsSet);
        RuleFor(s => s.Active.Value).NotNull().OverridePropertyName("active").When(s => s.Active.IsSet);
    }
}

public sealed class SurveyListQueryValidator : ListQueryValidator<SurveyListQuery>
{
    public SurveyListQueryValidator() => EnumFilter<SurveyKind>(q => q.Kind);
}
