namespace CxApi.Features.Operations;

/// <summary>A duration in seconds over <c>n</c> incidents: median and mean (null when <c>n</c> is 0).</summary>
public sealed record DurationSummary(long N, double? MedianSeconds, double? MeanSeconds)
{
    public static DurationSummary Of(IReadOnlyList<double> seconds)
    {
        if (seconds.Count == 0) return new(0, null, null);
        var sorted = seconds.Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new(sorted.Count, median, sorted.Average());
    }
}
