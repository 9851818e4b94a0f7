using CxApi.Common.OpenApi;
using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Metrics;

/// <summary>
/// OpenAPI examples for the metric bodies, computed by the real calculators from sample counts and
/// serialized with the API's own JSON rules, so an example can never disagree with a real answer.
/// </summary>
public sealed class MetricExamples : IOpenApiExamples
{
    private static readonly DateTimeOffset From = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), To = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeBucket October = new(From, To);
    private static readonly Distribution NpsScores = Distribution.Of((10, 34), (9, 26), (8, 15), (7, 10), (6, 6), (3, 5), (0, 4));
    private static readonly Distribution FiveStars = Distribution.Of((5, 412), (4, 160), (3, 61), (2, 25), (1, 78));
    private static readonly Distribution SevenPoints = Distribution.Of((7, 40), (6, 55), (5, 30), (4, 12), (3, 8), (2, 3), (1, 2));
    private static readonly Distribution SusScores = Distribution.OfValues([72.5, 85, 67.5, 90, 77.5, 62.5, 80, 70]);
    private static readonly InteractionCounts Tickets = new()
    {
        Count = 240,
        Resolved = 210,
        ResolvedFirstContact = 168,
        Escalated = 18,
        Abandoned = 9,
        WithFirstResponse = 231,
        FirstResponseWithinSla = 205,
        FirstResponseSeconds = 231 * 1260,
        ResolutionSeconds = 210 * 14_400,
        FirstResponseBins = [(LogHistogram.BinOf(240), 120), (LogHistogram.BinOf(900), 85), (LogHistogram.BinOf(5400), 26)],
        ResolutionBins = [(LogHistogram.BinOf(3600), 110), (LogHistogram.BinOf(14_400), 70), (LogHistogram.BinOf(86_400), 30)],
    };

    private static MetricHeader Header(string metric, MetricDefinition definition, string? groupBy = null) =>
        new(metric, From, To, new Dictionary<string, IReadOnlyList<string>> { ["channel"] = ["email", "chat"] }, groupBy, definition);

    private static readonly Dictionary<Type, Func<object>> Examples = new()
    {
        [typeof(MetricReport<NpsStats>)] = () => new MetricReport<NpsStats>(Header("nps", NpsCalculator.Definition, "channel"), NpsCalculator.Compute(NpsScores),
            [new MetricGroup<NpsStats>("chat", NpsCalculator.Compute(Distribution.Of((10, 20), (9, 10), (8, 8), (5, 7)))),
             new MetricGroup<NpsStats>("email", NpsCalculator.Compute(Distribution.Of((10, 14), (9, 16), (8, 7), (7, 10), (6, 6), (3, 5), (0, 4))))]),
        [typeof(MetricReport<CsatStats>)] = () => new MetricReport<CsatStats>(Header("csat", CsatCalculator.Definition), CsatCalculator.Compute(FiveStars), null),
        [typeof(MetricReport<CesStats>)] = () => new MetricReport<CesStats>(Header("ces", MeanCalculators.CesDefinition), MeanCalculators.Ces(SevenPoints), null),
        [typeof(MetricReport<RatingStats>)] = () => new MetricReport<RatingStats>(Header("rating", MeanCalculators.RatingDefinition), MeanCalculators.Rating(FiveStars), null),
        [typeof(MetricReport<SusStats>)] = () => new MetricReport<SusStats>(Header("sus", MeanCalculators.SusDefinition), MeanCalculators.Sus(SusScores), null),
        [typeof(MetricReport<ReviewStats>)] = () => new MetricReport<ReviewStats>(Header("reviews", ReviewCalculator.Definition(3.5, 7)), ReviewCalculator.Compute(FiveStars), null),
        [typeof(MetricReport<InteractionStats>)] = () => new MetricReport<InteractionStats>(Header("interactions", InteractionCalculator.Definition(3600)), InteractionCalculator.Compute(Tickets), null),
        [typeof(MetricTrend<NpsStats>)] = () => Trend("nps", NpsCalculator.Definition, new MetricPoint<NpsStats>(October, false, NpsCalculator.Compute(NpsScores))),
        [typeof(MetricTrend<CsatStats>)] = () => Trend("csat", CsatCalculator.Definition, new MetricPoint<CsatStats>(October, false, CsatCalculator.Compute(FiveStars))),
        [typeof(MetricTrend<CesStats>)] = () => Trend("ces", MeanCalculators.CesDefinition, new MetricPoint<CesStats>(October, false, MeanCalculators.Ces(SevenPoints))),
        [typeof(MetricTrend<RatingStats>)] = () => Trend("rating", MeanCalculators.RatingDefinition, new MetricPoint<RatingStats>(October, false, MeanCalculators.Rating(FiveStars))),
        [typeof(MetricTrend<SusStats>)] = () => Trend("sus", MeanCalculators.SusDefinition, new MetricPoint<SusStats>(October, false, MeanCalculators.Sus(SusScores))),
        [typeof(MetricTrend<ReviewStats>)] = () => Trend("reviews", ReviewCalculator.Definition(3.5, 7), new MetricPoint<ReviewStats>(October, false, ReviewCalculator.Compute(FiveStars))),
        [typeof(MetricTrend<InteractionStats>)] = () => Trend("interactions", InteractionCalculator.Definition(3600), new MetricPoint<InteractionStats>(October, false, InteractionCalculator.Compute(Tickets))),
        [typeof(MetricsSummary)] = () => new MetricsSummary(From, To, From.AddDays(-31), From, new Dictionary<string, IReadOnlyList<string>>(),
            [new SummaryItem("nps", 35.2, 28.1, 7.1, true, 2.31, "z = |Δ| / √(SE₁² + SE₂²) with the trinomial Wald SEs; significant when z > 1.959964",
                412, 388, new Interval(28.6, 41.8), new Interval(21.3, 34.9), false)],
            []),
    };

    private static MetricTrend<TStats> Trend<TStats>(string metric, MetricDefinition definition, MetricPoint<TStats> point) =>
        new(metric, "month", "Europe/Berlin", From, To, new Dictionary<string, IReadOnlyList<string>>(), null, false, [point], null, definition);

    public IReadOnlyDictionary<Type, Func<object>> Responses => Examples;
}
