using CxApi.Common;
using CxApi.Common.Paging;

namespace CxApi.Features.Surveys;

public sealed class SurveyListQueryValidator : ListQueryValidator<SurveyListQuery>
{
    public SurveyListQueryValidator() => EnumFilter<SurveyKind>(q => q.Kind);
}
