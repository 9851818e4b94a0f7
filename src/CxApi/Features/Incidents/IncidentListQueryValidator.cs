using CxApi.Common;
using CxApi.Common.Paging;

namespace CxApi.Features.Incidents;

public sealed class IncidentListQueryValidator : ListQueryValidator<IncidentListQuery>
{
    public IncidentListQueryValidator()
    {
        EnumFilter<IncidentSeverity>(q => q.Severity);
        EnumFilter<IncidentImpact>(q => q.Impact);
    }
}
