using CxApi.Common.OpenApi;
using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Metrics;

/// <summary>The OpenAPI example of the drivers body, built by the same code as a real answer (see <see cref="MetricExamples"/>).</summary>
public sealed class DriverExamples : IOpenApiExamples
{
    public IReadOnlyDictionary<Type, Func<object>> Responses { get; } = new Dictionary<Type, Func<object>> { [typeof(DriverReport)] = Example };

    private static readonly DateTimeOffset From = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), To = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static DriverReport Example()
    {
        var names = DriverFactors.ResolutionTime.FixedBuckets!;
        Distribution[] scores =
        [
            Distribution.Of((5, 41), (4, 12), (3, 3), (2, 1)),
            Distribution.Of((5, 52), (4, 30), (3, 8), (2, 4), (1, 2)),
            Distribution.Of((5, 20), (4, 17), (3, 6), (2, 3), (1, 2)),
            Distribution.Of((5, 18), (4, 19), (3, 9), (2, 6), (1, 4)),
            Distribution.Of((5, 9), (4, 11), (3, 8), (2, 5), (1, 4)),
            Distribution.Of((5, 3), (4, 4), (3, 5), (2, 6), (1, 7)),
            Distribution.Of((5, 2), (4, 3), (3, 2), (2, 4), (1, 4)),
        ];
        // Spearman's ρ over the resolved ones, each bucket standing at one duration (its lower edge) for the example.
        double[] seconds = [0, 300, 1800, 3600, 14_400, 86_400];
        var cells = seconds.SelectMany((s, i) => Enumerable.Range(1, 5).Select(score => (s, (double)score, scores[i].CountOf(score))));
        var header = new MetricHeader("csat", From, To, new Dictionary<string, IReadOnlyList<string>> { ["region"] = ["emea"] }, null,
            CsatCalculator.Definition);
        return DriverAnalysis.Build(header, DriverMetric.All["csat"], DriverFactors.ResolutionTime, [.. names.Zip(scores)],
            scores.Sum(s => s.N), 88, Spearman.Compute(cells));
    }
}
