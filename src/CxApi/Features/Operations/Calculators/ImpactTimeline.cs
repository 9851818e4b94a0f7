using CxApi.Common;
using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Operations.Calculators;

/// <summary>
/// The incidents of one service flattened into non-overlapping segments: each incident is clipped to the period
/// (an ongoing one runs to its end), and each instant under at least one incident belongs to exactly one segment,
/// carrying the worst impact of the incidents covering it (the order of <see cref="IncidentImpact"/>).
/// </summary>
public static class ImpactTimeline
{
    private static readonly int ImpactLevels = Enum.GetValues<IncidentImpact>().Length;

    /// <summary>The impacted parts of <paramref name="period"/> in time order; time under no incident is not listed.</summary>
    public static IReadOnlyList<ImpactSegment> Build(TimeRange period, IEnumerable<IncidentSpan> incidents)
    {
        var edges = new List<(long At, IncidentImpact Impact, int Change)>();
        foreach (var incident in incidents)
        {
            var from = Math.Max(incident.StartedAt, period.From);
            var to = Math.Min(incident.ResolvedAt ?? period.To, period.To);
            if (from >= to) continue;
            edges.Add((from, incident.Impact, +1));
            edges.Add((to, incident.Impact, -1));
        }
        edges.Sort((a, b) => a.At.CompareTo(b.At));

        var open = new int[ImpactLevels]; // incidents of each impact covering the current instant
        var segments = new List<ImpactSegment>();
        for (var i = 0; i < edges.Count;)
        {
            var at = edges[i].At;
            for (; i < edges.Count && edges[i].At == at; i++) open[(int)edges[i].Impact] += edges[i].Change;
            if (i == edges.Count || Worst(open) is not { } impact) continue;
            if (segments.Count > 0 && segments[^1] is { } last && last.To == at && last.Impact == impact)
                segments[^1] = last with { To = edges[i].At };
            else
                segments.Add(new ImpactSegment(at, edges[i].At, impact));
        }
        return segments;
    }

    private static IncidentImpact? Worst(int[] open)
    {
        for (var level = open.Length - 1; level >= 0; level--)
            if (open[level] > 0) return (IncidentImpact)level;
        return null;
    }
}
