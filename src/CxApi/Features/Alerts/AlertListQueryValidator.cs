using CxApi.Common.Paging;
using FluentValidation;

namespace CxApi.Features.Alerts;

public sealed class AlertListQueryValidator : ListQueryValidator<AlertListQuery>
{
    public AlertListQueryValidator() =>
        RuleForEach(q => q.Type).Must(t => t is AlertsEntityMappings.Triggered or AlertsEntityMappings.Resolved)
            .WithMessage($"must be one of: {AlertsEntityMappings.Triggered}, {AlertsEntityMappings.Resolved}");
}
