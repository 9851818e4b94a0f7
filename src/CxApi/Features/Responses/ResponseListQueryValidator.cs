using CxApi.Common;
using CxApi.Common.Paging;

namespace CxApi.Features.Responses;

public sealed class ResponseListQueryValidator : ListQueryValidator<ResponseListQuery>
{
    public ResponseListQueryValidator()
    {
        EnumFilter<SurveyKind>(q => q.Kind);
        EnumFilter<Channel>(q => q.Channel);
    }
}
