using CxApi.Common;
using CxApi.Common.Paging;
using CxApi.Common.Validation;
using FluentValidation;

namespace CxApi.Features.Surveys;

public sealed class SurveyListQueryValidator : ListQueryValidator<SurveyListQuery>
{
    public SurveyListQueryValidator() => EnumFilter<SurveyKind>(q => q.Kind);
}
