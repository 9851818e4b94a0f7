using CxApi.Common.Charts;
using FluentValidation;

namespace CxApi.Features.Charts;

/// <summary>The rules every chart query shares: a known <c>format</c>, and a size within <see cref="ChartSize"/>'s limits.</summary>
public abstract class ChartParametersValidator<T> : AbstractValidator<T> where T : IChartQuery
{
    protected ChartParametersValidator()
    {
        RuleFor(q => q.Format).Must(f => f is null || ChartFormats.All.Contains(f))
            .WithMessage($"must be one of: {string.Join(", ", ChartFormats.All)}");
        RuleFor(q => q.Width).InclusiveBetween(ChartSize.MinWidth, ChartSize.MaxWidth);
        RuleFor(q => q.Height).InclusiveBetween(ChartSize.MinHeight, ChartSize.MaxHeight);
    }
}
