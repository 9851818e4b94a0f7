namespace CxApi.Features.Metrics.Calculators;

/// <summary>What the database counts for a set of interactions (sums and per-bin counts, no rows).</summary>
public sealed record InteractionCounts
{
    public long Count { get; init; }
    public long Resolved { get; init; }
    public long ResolvedFirstContact { get; init; }
    public long Escalated { get; init; }
    public long Abandoned { get; init; }
    public long WithFirstResponse { get; init; }
    public long FirstResponseWithinSla { get; init; }
    public double FirstResponseSeconds { get; init; }
    public double ResolutionSeconds { get; init; }
    public IReadOnlyList<(int Bin, long Count)> FirstResponseBins { get; init; } = [];
    public IReadOnlyList<(int Bin, long Count)> ResolutionBins { get; init; } = [];

    public static InteractionCounts operator +(InteractionCounts a, InteractionCounts b) => new()
    {
        Count = a.Count + b.Count,
        Resolved = a.Resolved + b.Resolved,
        ResolvedFirstContact = a.ResolvedFirstContact + b.ResolvedFirstContact,
        Escalated = a.Escalated + b.Escalated,
        Abandoned = a.Abandoned + b.Abandoned,
        WithFirstResponse = a.WithFirstResponse + b.WithFirstResponse,
        FirstResponseWithinSla = a.FirstResponseWithinSla + b.FirstResponseWithinSla,
        FirstResponseSeconds = a.FirstResponseSeconds + b.FirstResponseSeconds,
        ResolutionSeconds = a.ResolutionSeconds + b.ResolutionSeconds,
        FirstResponseBins = Merge(a.FirstResponseBins, b.FirstResponseBins),
        ResolutionBins = Merge(a.ResolutionBins, b.ResolutionBins),
    };

    private static List<(int, long)> Merge(IReadOnlyList<(int Bin, long Count)> a, IReadOnlyList<(int Bin, long Count)> b) =>
        [.. a.Concat(b).GroupBy(x => x.Bin).Select(g => (g.Key, g.Sum(x => x.Count))).OrderBy(x => x.Key)];
}
