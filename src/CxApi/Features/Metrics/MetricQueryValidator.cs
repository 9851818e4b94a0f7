using CxApi.Common;
using CxApi.Common.Validation;
using CxApi.Infrastructure.Records;
using FluentValidation;

namespace CxApi.Features.Metrics;

/// <summary>Rules every metric query shares: a valid half-open period, known filter values, a groupBy it has.</summary>
public abstract class MetricQueryValidator<T> : AbstractValidator<T> where T : IMetricQuery
{
    public const int MaxValuesPerFilter = 100;

    protected MetricQueryValidator(TimeProvider clock)
    {
        RuleFor(q => q.From).PeriodTime();
        RuleFor(q => q.To).PeriodTime();
        RuleFor(q => q.To)
            .Must((q, _) => MetricRequest.ResolveRange(q, clock.GetUtcNow()) is var (from, to) && from < to)
            .WithMessage("'to' must be later than 'from' (defaults: to = now, from = to − 30 days).")
            .When(q => BeTimestamp(q.From) && BeTimestamp(q.To));
        RuleFor(q => q.GroupBy)
            .Must((q, g) => g is null || q.DimensionFilters().ContainsKey(g))
            .WithMessage(q => $"'groupBy' must be one of: {string.Join(", ", q.DimensionFilters().Keys)}.");
        RuleFor(q => q).Custom((q, context) =>
        {
            foreach (var (name, values) in q.DimensionFilters())
            {
                if (values is null) continue;
                var allowed = QueryDimensions.AllowedValues(name);
                if (values.Length > MaxValuesPerFilter) context.AddFailure(name, $"At most {MaxValuesPerFilter} values per filter.");
                for (var i = 0; i < values.Length; i++)
                {
                    if (string.IsNullOrEmpty(values[i]) || values[i].Length > Limits.Name)
                        context.AddFailure($"{name}[{i}]", $"A filter value has 1–{Limits.Name} characters.");
                    else if (allowed is not null && !allowed.Contains(values[i]))
                        context.AddFailure($"{name}[{i}]", $"must be one of: {string.Join(", ", allowed)}");
                }
            }
        });
    }

    private static bool BeTimestamp(string? text) => text is null || Rfc3339.TryParse(text, out _);
}
