using CxApi.Features.Metrics;
using FluentValidation;

namespace CxApi.Features.Operations;

public sealed class ScorecardQueryValidator : MetricQueryValidator<ScorecardQuery>
{
    public ScorecardQueryValidator(TimeProvider clock) : base(clock) =>
        RuleFor(q => q.Sort).Must(sort => sort is null || ScorecardSort.TryParse(sort, out _))
            .WithMessage($"must be one of {string.Join(", ", ScorecardSort.Columns.Keys)}, each optionally with a leading '-' for descending.");
}
