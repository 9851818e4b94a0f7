using System.Text.Json;
using CxApi.Common;
using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Metrics;

/// <summary>What a rated interaction is compared by. The rated interaction is the one a response names in <c>interactionId</c>.</summary>
public enum DriverFactor { FirstResponseTime, ResolutionTime, ContactCount, Escalated, Channel, Team, Type }

/// <summary>A bucket as the body names it: a stable key and words for people.</summary>
public sealed record BucketName(string? Key, string Label);

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

/// <summary>The factors, their buckets and what they mean.</summary>
public static class DriverFactors
{
    /// <summary>Upper edges of the duration buckets in seconds: [0, 5 min), [5, 30 min), [30 min, 1 h), [1 h, 4 h), [4 h, 24 h), then ≥ 24 h.</summary>
    public static readonly long[] DurationEdgesSeconds = [300, 1800, 3600, 14_400, 86_400];

    public const int ContactCountCap = 3;

    public static string NameOf(DriverFactor factor) => JsonNamingPolicy.CamelCase.ConvertName(factor.ToString());

    public static string AllowedList { get; } = string.Join(", ", Enum.GetValues<DriverFactor>().Select(NameOf));

    public static bool TryParse(string? text, out DriverFactor factor)
    {
        foreach (var candidate in Enum.GetValues<DriverFactor>())
        {
            if (NameOf(candidate) != text) continue;
            factor = candidate;
            return true;
        }
        factor = default;
        return false;
    }

    /// <summary>Whether the factor has a numeric value to rank (then the body carries Spearman's ρ).</summary>
    public static bool IsNumeric(DriverFactor factor) => factor is not (DriverFactor.Channel or DriverFactor.Team or DriverFactor.Type);

    /// <summary>Every bucket of a bucketed factor, in order (all listed, empty ones too); null for a categorical factor.</summary>
    public static IReadOnlyList<BucketName>? FixedBuckets(DriverFactor factor) => factor switch
    {
        DriverFactor.FirstResponseTime => [.. DurationBuckets, new("unanswered", "no first response")],
        DriverFactor.ResolutionTime => [.. DurationBuckets, new("unresolved", "not resolved (open or abandoned)")],
        DriverFactor.ContactCount => [new("1", "1 interaction"), new("2", "2 interactions"), new("3+", "3 or more interactions")],
        DriverFactor.Escalated => [new("false", "not escalated"), new("true", "escalated")],
        _ => null,
    };

    private static readonly BucketName[] DurationBuckets =
    [
        new("<5m", "under 5 min"), new("5m-30m", "5 to 30 min"), new("30m-1h", "30 min to 1 h"),
        new("1h-4h", "1 to 4 h"), new("4h-24h", "4 to 24 h"), new(">=24h", "24 h or more"),
    ];

    /// <summary>The bucket name of a categorical factor's value (a team may be absent).</summary>
    public static BucketName Category(DriverFactor factor, string? value) =>
        new(value, value ?? (factor == DriverFactor.Team ? "no team" : "none"));

    private const string DurationBucketText =
        "half-open buckets [0, 5 min), [5 min, 30 min), [30 min, 1 h), [1 h, 4 h), [4 h, 24 h) and ≥ 24 h";

    public static string Definition(DriverFactor factor) => factor switch
    {
        DriverFactor.FirstResponseTime =>
            $"firstResponseAt − openedAt of the rated interaction, in {DurationBucketText}; 'unanswered': no firstResponseAt. " +
            "Spearman's ρ pairs the seconds with the score over the answered ones.",
        DriverFactor.ResolutionTime =>
            $"resolvedAt − openedAt of the rated interaction, in {DurationBucketText}; 'unresolved': no resolvedAt (open or abandoned). " +
            "Spearman's ρ pairs the seconds with the score over the resolved ones.",
        DriverFactor.ContactCount =>
            "how many interactions the customer had up to and including the rated one: 1 (the rated interaction) + the same " +
            "customer's other interactions opened in [from, openedAt of the rated one); 1 for an interaction without customerId. " +
            "Buckets 1, 2 and 3+; Spearman's ρ pairs the uncapped count with the score. (The interaction's own contactCount " +
            "field, contacts within one interaction, is not used.)",
        DriverFactor.Escalated =>
            "the rated interaction's escalated flag; Spearman's ρ pairs escalated = 1, not escalated = 0 with the score.",
        DriverFactor.Channel =>
            "the rated interaction's channel (not the response's); one bucket per channel present, in key order. Not numeric: no Spearman's ρ.",
        DriverFactor.Team =>
            "the rated interaction's team; one bucket per team present, in key order, interactions without a team last (key null). Not numeric: no Spearman's ρ.",
        _ => "the rated interaction's type; one bucket per type present, in key order. Not numeric: no Spearman's ρ.",
    };
}

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
            header.Definition.Method + Scope, DriverFactors.Definition(factor));
        return new DriverReport(header.Metric, DriverFactors.NameOf(factor), header.From, header.To, header.Filters, linked, unlinked,
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
