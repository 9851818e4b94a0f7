using CxApi.Common;
using CxApi.Common.Paging;
using CxApi.Common.Validation;
using CxApi.Features.Metrics;
using FluentValidation;

namespace CxApi.Features.Alerts;

public sealed class AlertRuleListQueryValidator : ListQueryValidator<AlertRuleListQuery>;
