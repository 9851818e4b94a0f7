using CxApi.Common.Paging;

namespace CxApi.Features.Alerts;

public sealed class AlertRuleListQueryValidator : ListQueryValidator<AlertRuleListQuery>;
