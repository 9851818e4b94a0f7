using CxApi.Features.Metrics.Calculators;
using CxApi.Features.Operations.Calculators;

namespace CxApi.Features.Operations;

/// <summary>
/// One CX figure in one window: its value, how many observations it rests on, its 95 % interval where it has one, and
/// (outside the baseline) its change against the baseline with the two-sided p-value of the figure's test and whether
/// p &lt; 0.05. A figure without a test (the first-response median) carries a delta but no p-value.
/// </summary>
/// <param name="Value">On the figure's own scale; null without observations.</param>
/// <param name="N">Responses, reviews, or interactions behind the value.</param>
/// <param name="Ci95">Null where the figure has no interval, or too few observations.</param>
/// <param name="Delta">This window's value minus the baseline's; null in the baseline itself, or when either window has no value.</param>
/// <param name="PValue">Two-sided; null in the baseline, for figures without a test, or when the test cannot run.</param>
/// <param name="Significant">p &lt; 0.05; null in the baseline and for figures without a test.</param>
public sealed record ImpactFigure(double? Value, long N, Interval? Ci95, double? Delta, double? PValue, bool? Significant)
{
    public ImpactFigure Against(FigureChange change) => this with { Delta = change.Delta, PValue = change.PValue, Significant = change.Significant };
}
