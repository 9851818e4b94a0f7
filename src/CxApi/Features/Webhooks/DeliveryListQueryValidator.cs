using CxApi.Common.Paging;
using CxApi.Infrastructure.Entities;

namespace CxApi.Features.Webhooks;

public sealed class DeliveryListQueryValidator : ListQueryValidator<DeliveryListQuery>
{
    public DeliveryListQueryValidator() => EnumFilter<DeliveryStatus>(q => q.Status);
}
