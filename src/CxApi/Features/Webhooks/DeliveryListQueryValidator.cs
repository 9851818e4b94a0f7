using CxApi.Common;
using CxApi.Common.Paging;
using CxApi.Infrastructure.Configurations;
using CxApi.Infrastructure.Entities;
using FluentValidation;

namespace CxApi.Features.Webhooks;

public sealed class DeliveryListQueryValidator : ListQueryValidator<DeliveryListQuery>
{
    public DeliveryListQueryValidator() => EnumFilter<DeliveryStatus>(q => q.Status);
}
