using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Records;

namespace CxApi.Features.Metrics;

/// <summary>The factors: five numeric ones defined here, and one per single-valued interaction dimension.</summary>
public static class DriverFactors
{
    /// <summary>Upper edges of the duration buckets in seconds: [0, 5 min), [5, 30 min), [30 min, 1 h), [1 h, 4 h), [4 h, 24 h), then ≥ 24 h.</summary>
    public static readonly long[] DurationEdgesSeconds = [300, 1800, 3600, 14_400, 86_400];

    public const int ContactCountCap = 3;

    private static readonly BucketName[] DurationBuckets =
    [
        new("<5m", "under 5 min"), new("5m-30m", "5 to 30 min"), new("30m-1h", "30 min to 1 h"),
        new("1h-4h", "1 to 4 h"), new("4h-24h", "4 to 24 h"), new(">=24h", "24 h or more"),
    ];

    private const string DurationBucketText =
        "half-open buckets [0, 5 min), [5 min, 30 min), [30 min, 1 h), [1 h, 4 h), [4 h, 24 h) and ≥ 24 h";

    public static readonly DriverFactor FirstResponseTime = DriverFactor.Numeric("firstResponseTime",
        $"firstResponseAt − openedAt of the rated interaction, in {DurationBucketText}; 'unanswered': no firstResponseAt. " +
        "Spearman's ρ pairs the seconds with the score over the answered ones.",
        [.. DurationBuckets, new("unanswered", "no first response")]);

    public static readonly DriverFactor ResolutionTime = DriverFactor.Numeric("resolutionTime",
        $"resolvedAt − openedAt of the rated interaction, in {DurationBucketText}; 'unresolved': no resolvedAt (open or abandoned). " +
        "Spearman's ρ pairs the seconds with the score over the resolved ones.",
        [.. DurationBuckets, new("unresolved", "not resolved (open or abandoned)")]);

    public static readonly DriverFactor ContactCount = DriverFactor.Numeric("contactCount",
        "how many interactions the customer had up to and including the rated one: 1 (the rated interaction) + the same " +
        "customer's other interactions opened in [from, openedAt of the rated one); 1 for an interaction without customerId. " +
        "Buckets 1, 2 and 3+; Spearman's ρ pairs the uncapped count with the score. (The interaction's own contactCount " +
        "field, contacts within one interaction, is not used.)",
        [new("1", "1 interaction"), new("2", "2 interactions"), new("3+", "3 or more interactions")]);

    public static readonly DriverFactor Escalated = DriverFactor.Numeric("escalated",
        "the rated interaction's escalated flag; Spearman's ρ pairs escalated = 1, not escalated = 0 with the score.",
        [new("false", "not escalated"), new("true", "escalated")]);

    public static readonly DriverFactor Incident = DriverFactor.Numeric("incident",
        "whether the response was answered during an incident on its service (the response's service, or the rated " +
        "interaction's when the response names none): 'during' when an incident listing that service had startedAt ≤ " +
        "respondedAt < resolvedAt (or was started and still ongoing); 'after24h' when not during one but within 24 h after " +
        "one was resolved (resolvedAt ≤ respondedAt < resolvedAt + 24 h); 'neither' otherwise, and for responses without " +
        "a service. Maintenance incidents do not count. Spearman's ρ pairs during = 2, after24h = 1, neither = 0 with the score.",
        [new("during", "during an incident on its service"), new("after24h", "within 24 h after an incident"), new("neither", "neither")]);

    /// <summary>Every factor, numeric ones first, then the interaction dimensions in descriptor order.</summary>
    public static readonly IReadOnlyList<DriverFactor> All =
    [
        FirstResponseTime, ResolutionTime, ContactCount, Escalated, Incident,
        .. RecordKinds.Interactions.Of.OfType<SingleValueDimension<InteractionEntity>>().Select(DriverFactor.Categorical),
    ];

    public static string AllowedList { get; } = string.Join(", ", All.Select(f => f.Name));

    /// <summary>The factor named <paramref name="name"/> (case-sensitive), or null.</summary>
    public static DriverFactor? Find(string? name) => All.FirstOrDefault(f => f.Name == name);
}
