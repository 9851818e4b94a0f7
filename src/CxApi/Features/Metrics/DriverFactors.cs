using System.Text.Json;

namespace CxApi.Features.Metrics;

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
