using CxApi.Common.OpenApi;
using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Metrics;

/// <summary><c>interval</c>: day, week (default; ISO, from Monday), month or quarter; <c>tz</c>: an IANA zone (default UTC).</summary>
public sealed record TrendQuery(string? Interval, string? Tz) : IQueryValues
{
    public static IReadOnlyDictionary<string, IReadOnlyCollection<string>> QueryValues { get; } =
        new Dictionary<string, IReadOnlyCollection<string>> { ["interval"] = [.. Enum.GetValues<TrendInterval>().Select(MetricRequest.NameOfInterval)] };
}
