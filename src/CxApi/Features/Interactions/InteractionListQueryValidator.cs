using CxApi.Common;
using CxApi.Common.Paging;

namespace CxApi.Features.Interactions;

public sealed class InteractionListQueryValidator : ListQueryValidator<InteractionListQuery>
{
    public InteractionListQueryValidator()
    {
        EnumFilter<Channel>(q => q.Channel);
        EnumFilter<InteractionStatus>(q => q.Status);
    }
}
