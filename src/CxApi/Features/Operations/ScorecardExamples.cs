using CxApi.Common.OpenApi;
using CxApi.Features.Metrics.Calculators;
using CxApi.Features.Operations.Calculators;

namespace CxApi.Features.Operations;

/// <summary>
/// The scorecard example for November 2026, sorted by availability ascending: checkout-web with a one-hour outage
/// and a two-hour partial outage, a bad release among 20; search-api without incidents.
/// </summary>
public sealed class ScorecardExamples : IOpenApiExamples
{
    private static readonly DateTimeOffset From = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), To = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public IReadOnlyDictionary<Type, Func<object>> Responses { get; } = new Dictionary<Type, Func<object>>
    {
        [typeof(Scorecard)] = Example,
    };

    private static ScoredFigure Csat(params (double Score, long Count)[] counts)
    {
        var stats = CsatCalculator.Compute(Distribution.Of(counts));
        return new(stats.Value, stats.Responses, stats.Ci95);
    }

    private static ScoredFigure Nps(params (double Score, long Count)[] counts)
    {
        var stats = NpsCalculator.Compute(Distribution.Of(counts));
        return new(stats.Value, stats.Responses, stats.Ci95);
    }

    private static Scorecard Example()
    {
        const double Month = 30 * 86_400;
        ScorecardRow[] rows =
        [
            new("checkout-web", "Web checkout", 1, true, "payments", 100 * (1 - (3600 + 0.3 * 7200) / Month), 99.71,
                new IncidentCounts(2, 1, 1, 0, 0), DurationSummary.Of([3600, 7200]),
                Csat((5, 610), (4, 240), (3, 90), (2, 40), (1, 20)), Nps((10, 300), (9, 220), (8, 180), (6, 150), (3, 50)), 142.3,
                ChangeFailures.Rate(2, 20), ChangeFailures.Rate(1, 12), 180, -18.4, 2),
            new("search-api", "Search", 2, true, "discovery", 100, 100,
                new IncidentCounts(0, 0, 0, 0, 0), DurationSummary.Of([]),
                Csat((5, 300), (4, 150), (3, 30), (2, 15), (1, 5)), Nps((10, 120), (9, 90), (8, 70), (5, 40)), 35.9,
                ChangeFailures.Rate(0, 9), ChangeFailures.Rate(0, 4), 0, null, 0),
        ];
        return new Scorecard(From, To, "availabilityPct", ScorecardSort.Apply(rows, "availabilityPct"));
    }
}
