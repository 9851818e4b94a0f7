using CxApi.Common;
using CxApi.Features.Metrics.Calculators;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Rollups;
using Microsoft.Extensions.Caching.Memory;

namespace CxApi.Features.Metrics;

/// <summary>
/// Figures over spans that have ended (a deployment's verdict once its after window closed, a service's activity
/// profile of past weeks), kept in this process and given again while nothing they count has changed. Whether anything
/// has is read from the database each time (<see cref="FigureVersions"/>: a counter per service and day that every write
/// of a counted record moves in its own transaction), so every instance sees another's writes, and a figure is never
/// older than the data it is read with. Spans reaching now are never kept.
/// </summary>
public sealed class SettledFigures(TimeProvider clock) : IDisposable
{
    /// <summary>How many figures one process keeps at most; the least recently used go first.</summary>
    public const int Capacity = 200_000;

    private readonly MemoryCache _kept = new(new MemoryCacheOptions { SizeLimit = Capacity, CompactionPercentage = 0.25 });

    /// <summary>
    /// The counters of <paramref name="services"/> (every service when null) over <c>[from, to)</c> as they are now, to
    /// look figures of spans inside it up. Read before any figure is counted: a write that lands while one is counted
    /// moves a counter past what the figure is kept under, so it is counted again next time.
    /// </summary>
    public async Task<SettledView> ViewAsync(MetricCounting counting, IReadOnlyCollection<string>? services, long from, long to,
        CancellationToken ct)
    {
        var settledUntil = Math.Min(to, UnixMicros.From(clock.GetUtcNow()));
        if (settledUntil <= from) return new SettledView(_kept, new TimeRange(from, from), 0, []);
        var (everything, days) = await counting.FigureVersionsAsync(services, from, settledUntil, ct);
        return new SettledView(_kept, new TimeRange(from, settledUntil), everything, days);
    }

    public void Dispose() => _kept.Dispose();
}
