using CxApi.Common.Paging;
using FluentValidation;

namespace CxApi.Features.Services;

public sealed class ServiceListQueryValidator : ListQueryValidator<ServiceListQuery>
{
    public ServiceListQueryValidator() => RuleFor(q => q.Tier).InclusiveBetween(ServiceRules.MinTier, ServiceRules.MaxTier);
}
