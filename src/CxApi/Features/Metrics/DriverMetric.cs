using CxApi.Common;
using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Metrics;

/// <summary>A survey metric as driver analysis uses it: its figures for one bucket and its test between two buckets.</summary>
public sealed record DriverMetric(
    SurveyKind Kind,
    MetricDefinition Definition,
    Func<Distribution, (double? Value, Interval? Ci95)> Compute,
    Func<Distribution, Distribution, ChangeTest> Compare)
{
    public static readonly IReadOnlyDictionary<string, DriverMetric> All = new Dictionary<string, DriverMetric>(StringComparer.Ordinal)
    {
        ["nps"] = new(SurveyKind.Nps, NpsCalculator.Definition,
            d => { var s = NpsCalculator.Compute(d); return (s.Value, s.Ci95); },
            (a, b) => Significance.Nps(NpsCalculator.Compute(a), NpsCalculator.Compute(b))),
        ["csat"] = new(SurveyKind.Csat, CsatCalculator.Definition,
            d => { var s = CsatCalculator.Compute(d); return (s.Value, s.Ci95); },
            (a, b) => { var (x, y) = (CsatCalculator.Compute(a), CsatCalculator.Compute(b)); return Significance.Proportions(x.Satisfied, x.Responses, y.Satisfied, y.Responses); }),
        ["ces"] = new(SurveyKind.Ces, MeanCalculators.CesDefinition,
            d => { var s = MeanCalculators.Ces(d); return (s.Value, s.Ci95); }, Significance.Means),
        ["rating"] = new(SurveyKind.Rating, MeanCalculators.RatingDefinition,
            d => { var s = MeanCalculators.Rating(d); return (s.Value, s.Ci95); }, Significance.Means),
    };

    public string Name => EnumText<SurveyKind>.ToText(Kind);
}
