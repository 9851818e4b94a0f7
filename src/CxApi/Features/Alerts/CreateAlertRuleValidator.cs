using CxApi.Common;
using CxApi.Common.Validation;
using CxApi.Features.Metrics;
using CxApi.Features.Operations;
using FluentValidation;

namespace CxApi.Features.Alerts;

/// <summary>A rule must name a metric, a figure of its body, filters it has (valid as on its query), a window and one condition.</summary>
public sealed class CreateAlertRuleValidator : AbstractValidator<CreateAlertRuleRequest>
{
    public static readonly TimeSpan MinWindow = TimeSpan.FromMinutes(1), MaxWindow = TimeSpan.FromDays(366);
    public const int MaxMinResponses = 1_000_000;

    public CreateAlertRuleValidator(
        IValidator<SurveyMetricQuery> surveyFilters, IValidator<ReviewMetricQuery> reviewFilters, IValidator<InteractionMetricQuery> interactionFilters,
        IValidator<AvailabilityQuery> availabilityFilters)
    {
        RuleFor(r => r.Name).NotEmpty().Name();
        RuleFor(r => r.Metric).NotNull().WithMessage($"'metric' is required: one of {EnumText<AlertMetricName>.AllowedList}.");
        RuleFor(r => r.Window).NotEmpty()
            .Must(w => IsoDuration.TryParse(w, out var d) && d >= MinWindow && d <= MaxWindow)
            .When(r => !string.IsNullOrEmpty(r.Window), ApplyConditionTo.CurrentValidator)
            .WithMessage("'window' must be an ISO 8601 duration of weeks, days, hours, minutes or seconds from PT1M to P366D, e.g. P7D or PT6H.");
        RuleFor(r => r.MinResponses).InclusiveBetween(1, MaxMinResponses);
        RuleFor(r => r.Condition).NotNull()
            .WithMessage("'condition' is required: { \"below\": x }, { \"above\": x } or { \"dropBy\": points, \"vsPreviousWindow\": true }.")
            .SetValidator(new AlertConditionValidator()!);
        RuleFor(r => r).Custom((r, context) =>
        {
            if (r.Metric is not { } name) return;
            var metric = AlertMetrics.For(name);
            var field = r.Field ?? metric.DefaultField;
            if (!metric.Fields.Contains(field))
                context.AddFailure("field", $"'{field}' is not a figure of {metric}; use one of: {string.Join(", ", metric.Fields)}.");

            if (r.Filters is { } filters)
            {
                var known = metric.Dimensions.ToList();
                foreach (var (key, values) in filters)
                {
                    if (!known.Contains(key))
                        context.AddFailure($"filters.{key}", $"{metric} has no '{key}' filter; use one of: {string.Join(", ", known)}.");
                    else if (values is not { Length: > 0 })
                        context.AddFailure($"filters.{key}", "A filter needs at least one value (leave it out to take every value).");
                }
                IValidator filterRules = name switch
                {
                    AlertMetricName.Reviews => reviewFilters,
                    AlertMetricName.Interactions => interactionFilters,
                    AlertMetricName.Availability => availabilityFilters,
                    _ => surveyFilters,
                };
                foreach (var failure in filterRules.Validate(new ValidationContext<object>(metric.Query(filters))).Errors)
                    context.AddFailure($"filters.{failure.PropertyName}", failure.ErrorMessage);
            }

            if (r.Condition is not { } c) return;
            if (new[] { c.Below, c.Above, c.DropBy }.Count(v => v is not null) != 1)
                context.AddFailure("condition", "Give exactly one of 'below', 'above' or 'dropBy'.");
            if (c.DropBy is null && c.VsPreviousWindow is not null)
                context.AddFailure("condition.vsPreviousWindow", "'vsPreviousWindow' goes with 'dropBy' only.");
            if (c.DropBy is null && c.SignificantOnly is not null)
                context.AddFailure("condition.significantOnly", "'significantOnly' goes with 'dropBy' only.");
            if (c.VsPreviousWindow == false)
                context.AddFailure("condition.vsPreviousWindow", "'dropBy' compares with the previous window of equal length: send true or leave it out.");
            if (c.SignificantOnly == true && !metric.TestedFields.Contains(field))
                context.AddFailure("condition.significantOnly",
                    $"{metric} has a change test for {string.Join(", ", metric.TestedFields)} only, not for '{field}'.");
        });
    }
}
