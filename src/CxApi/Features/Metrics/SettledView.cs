using CxApi.Features.Metrics.Calculators;
using Microsoft.Extensions.Caching.Memory;

namespace CxApi.Features.Metrics;

/// <summary>
/// Kept figures as of one read of the change counters (<see cref="SettledFigures.ViewAsync"/>): a figure over a span
/// inside <see cref="Span"/> is taken from the cache when it was kept under the same counters, else counted and kept.
/// </summary>
public sealed class SettledView
{
    private static readonly MemoryCacheEntryOptions Entry = new() { Size = 1, SlidingExpiration = TimeSpan.FromHours(6) };

    private readonly IMemoryCache _kept;
    private readonly long _everything;
    private readonly Dictionary<string, List<(long Day, long Version)>> _days;

    internal SettledView(IMemoryCache kept, TimeRange span, long everything, Dictionary<string, List<(long Day, long Version)>> days) =>
        (_kept, Span, _everything, _days) = (kept, span, everything, days);

    /// <summary>The spans this view can vouch for: read from the counters, and over by now.</summary>
    public TimeRange Span { get; }

    private sealed record Kept(long Everything, long Versions, object? Value);

    /// <summary>
    /// The figure of each item: kept ones from the cache, the rest from one call of <paramref name="count"/> (in the
    /// order given) and kept when their span is settled. <paramref name="describe"/> gives an item's service, its key
    /// (everything besides the service's records that the figure depends on, such as its windows) and the span of the
    /// records it counts.
    /// </summary>
    public async Task<IReadOnlyList<T>> GetOrCountAsync<TItem, T>(string figure, IReadOnlyList<TItem> items,
        Func<TItem, (string Service, string Key, TimeRange Span)> describe, Func<IReadOnlyList<TItem>, Task<IReadOnlyList<T>>> count)
    {
        var figures = new T[items.Count];
        var missing = new List<(int Index, string? CacheKey, long Versions)>();
        for (var i = 0; i < items.Count; i++)
        {
            var (service, key, span) = describe(items[i]);
            if (span.From < Span.From || span.To > Span.To || span.To <= span.From)
            {
                missing.Add((i, null, 0));
                continue;
            }
            var cacheKey = $"{figure}\n{service}\n{key}";
            var versions = Versions(service, span);
            if (_kept.TryGetValue(cacheKey, out Kept? kept) && kept!.Everything == _everything && kept.Versions == versions) figures[i] = (T)kept.Value!;
            else missing.Add((i, cacheKey, versions));
        }
        if (missing.Count == 0) return figures;

        var counted = await count([.. missing.Select(m => items[m.Index])]);
        for (var j = 0; j < missing.Count; j++)
        {
            var (index, cacheKey, versions) = missing[j];
            figures[index] = counted[j];
            if (cacheKey is not null) _kept.Set(cacheKey, new Kept(_everything, versions, counted[j]), Entry);
        }
        return figures;
    }

    /// <summary>The sum of the service's counters over the days the span touches: it only grows, and stays put while none moves.</summary>
    private long Versions(string service, TimeRange span)
    {
        if (!_days.TryGetValue(service, out var days)) return 0;
        long sum = 0;
        foreach (var (day, version) in days)
            if (day + TimeSegments.Day > span.From && day < span.To) sum += version;
        return sum;
    }
}
