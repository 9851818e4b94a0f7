using CxApi.Common;
using CxApi.Common.Problems;
using CxApi.Features.Metrics.Calculators;
using CxApi.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Json;

namespace CxApi.Features.Metrics;

/// <summary>A validated metric query resolved to concrete times, filters and grouping.</summary>
public sealed record MetricRequest(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    string? GroupBy)
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(30);

    public static MetricRequest Of(IMetricQuery query, TimeProvider clock)
    {
        var (from, to) = ResolveRange(query, clock.GetUtcNow());
        var filters = query.DimensionFilters()
            .Where(f => f.Value is { Length: > 0 })
            .ToDictionary(f => f.Key, f => (IReadOnlyList<string>)[.. f.Value!.Distinct(StringComparer.Ordinal)]);
        return new MetricRequest(from, to, filters, query.GroupBy);
    }

    /// <summary><c>to</c> defaults to now, <c>from</c> to 30 days before <c>to</c>.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) ResolveRange(IMetricQuery query, DateTimeOffset now)
    {
        var to = Rfc3339.TryParse(query.To, out var t) ? t : now;
        var from = Rfc3339.TryParse(query.From, out var f) ? f : to - DefaultWindow;
        return (from, to);
    }

    public static bool TryParseInterval(string text, out TrendInterval interval)
    {
        foreach (var candidate in Enum.GetValues<TrendInterval>())
        {
            if (NameOfInterval(candidate) != text) continue;
            interval = candidate;
            return true;
        }
        interval = default;
        return false;
    }

    public static bool TryFindZone(string id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64) return false;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    public CountScope Scope(IReadOnlyList<TimeBucket>? buckets = null) => new(
        UnixMicros.From(From), UnixMicros.From(To), Filters, GroupBy,
        buckets is null ? null : [.. buckets.Select(b => UnixMicros.From(b.Start)), UnixMicros.From(buckets[^1].End)]);

    public MetricHeader Header(string metric, MetricDefinition definition) =>
        new(metric, From, To, FilterEcho(), GroupBy, definition);

    /// <summary>The filters applied, as the caller named them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FilterEcho() => Filters;

    /// <summary>The calendar buckets of a trend; null (with the 400 problem in <paramref name="problem"/>) when there would be too many.</summary>
    public TrendPlan? PlanTrend(TrendQuery trend, out ValidationProblem? problem)
    {
        var interval = trend.Interval is { } i && TryParseInterval(i, out var parsed) ? parsed : TrendInterval.Week;
        var zone = trend.Tz is { } tz && TryFindZone(tz, out var found) ? found : TimeZoneInfo.Utc;
        var buckets = TimeBuckets.Cover(From, To, interval, zone);
        problem = buckets is null
            ? Problems.Validation("interval", $"From {Rfc3339.Format(From)} to {Rfc3339.Format(To)} by {NameOfInterval(interval)} would make " +
                                              $"more than {TimeBuckets.MaxBuckets} buckets; choose a longer interval or a shorter period.")
            : null;
        return buckets is null ? null : new TrendPlan(interval, zone, buckets);
    }

    public static string NameOfInterval(TrendInterval interval) => JsonNamingPolicy.CamelCase.ConvertName(interval.ToString());

    /// <summary>Whether a bucket reaches outside <c>[from, to)</c>, so that it counts only part of its period.</summary>
    public bool IsPartial(TimeBucket bucket) => bucket.Start < From || bucket.End > To;
}
