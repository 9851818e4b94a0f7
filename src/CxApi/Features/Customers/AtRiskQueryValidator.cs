using CxApi.Common.Paging;
using CxApi.Common.Validation;

namespace CxApi.Features.Customers;

public sealed class AtRiskQueryValidator : ListQueryValidator<AtRiskQuery>
{
    public AtRiskQueryValidator() =>
        RuleFor(q => q.SlaSeconds).SlaSeconds();
}
