using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Metrics;

/// <summary>Shapes counted buckets into the drivers body (pure: no database, no HTTP).</summary>
public static class DriverAnalysis
{
    /// <summary>Buckets smaller than this take no part in the best-versus-worst spread.</summary>
    public const int MinResponses = Statistics.LowSampleThreshold;

    private const string Scope =
        " Only responses that name the interaction they rate (interactionId) count; the factor is read from that interaction. " +
        "spread: the best minus the worst bucket among those with at least 30 responses, tested as /v1/metrics/summary tests " +
        "a change between periods; best and worst are picked after looking, so read a significant spread as a lead to follow, " +
        "not a proof. Spearman's ρ ranks the raw answers (0–10, 1–5 or 1–7), not the metric value.";

    public static DriverReport Build(
        MetricHeader header, DriverMetric metric, DriverFactor factor, IReadOnlyList<(BucketName Name, Distribution Scores)> buckets,
        long linked, long unlinked, RankCorrelationStats? spearman)
    {
        var rows = buckets.Select(b =>
        {
            var (value, ci95) = metric.Compute(b.Scores);
            return new DriverBucket(b.Name.Key, b.Name.Label, b.Scores.N, value, ci95, Statistics.IsLowSample(b.Scores.N));
        }).ToList();
        var definition = new DriverDefinition(header.Definition.Formula, header.Definition.Scale,
            header.Definition.Method + Scope, factor.Definition);
        return new DriverReport(header.Metric, factor.Name, header.From, header.To, header.Filters, linked, unlinked,
            rows, Overall(metric, buckets, spearman is null ? null : new DriverCorrelation(spearman.Rho, spearman.N, Spearman.Method)),
            definition);
    }

    private static DriverOverall Overall(
        DriverMetric metric, IReadOnlyList<(BucketName Name, Distribution Scores)> buckets, DriverCorrelation? spearman)
    {
        // Highest value first; equal values keep bucket order, so best and worst are two different buckets.
        var eligible = buckets.Where(b => b.Scores.N >= MinResponses)
            .Select(b => (b.Name, b.Scores, Value: (double)metric.Compute(b.Scores).Value!))
            .OrderByDescending(b => b.Value)
            .ToList();
        if (eligible.Count < 2)
            return new DriverOverall(null, null, null, null, false, metric.Compare(new(), new()).Test, MinResponses,
                $"Fewer than two buckets have at least {MinResponses} responses: no spread.", spearman);
        var (best, worst) = (eligible[0], eligible[^1]);
        var test = metric.Compare(best.Scores, worst.Scores);
        return new DriverOverall(best.Name.Key, worst.Name.Key, best.Value - worst.Value, test.Z, test.Significant, test.Test, MinResponses, null, spearman);
    }
}
