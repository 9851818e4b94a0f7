using CxApi.Features.Metrics.Calculators;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Infrastructure.Rollups;

/// <summary>
/// Moves and reads the change counters of <see cref="FigureVersionEntity"/>: which (service, UTC day) a write touched,
/// and, for a cache of figures, the counters of some services' days as they are now.
/// </summary>
public static class FigureVersions
{
    public const string Table = "FigureVersions";

    /// <summary>The dimension whose values key the counters.</summary>
    public const string Dimension = "service";

    /// <summary>The counter every figure depends on: moved by writes that may change any figure.</summary>
    public static readonly (string Service, long Day) Everything = ("", long.MinValue);

    /// <summary>The (service, UTC day start) counters a write of <paramref name="record"/> moves: none unless its kind is counted in rollups.</summary>
    public static IEnumerable<(string Service, long Day)> Of(RecordKind kind, RecordEntity record)
    {
        if (kind.Rollups.Count == 0 || kind.Dimension(Dimension) is not { } dimension) yield break;
        var day = TimeSegments.Floor(kind.TimeOf(record), TimeSegments.Day);
        foreach (var service in dimension.ValuesOf(record)) yield return (service, day);
    }

    /// <summary>
    /// Adds one to each counter, in key order, in the caller's transaction. Writers call it first in their transaction,
    /// before any row lock: the counters are shared by every kind, so a writer that took them after, say, a foreign-key
    /// lock on an interaction could deadlock with a delete of that interaction on PostgreSQL.
    /// </summary>
    public static Task BumpAsync(CxDbContext db, IEnumerable<(string Service, long Day)> counters, CancellationToken ct) =>
        RollupStore.UpsertAsync(db, Table, ["Service", "DayStartMicros"], ["Version"],
            counters.Distinct().Order().Select(c => ((object[])[c.Service, c.Day], (object[])[1L])), ct);

    /// <summary>Moves the counter every figure depends on.</summary>
    public static Task BumpEverythingAsync(CxDbContext db, CancellationToken ct) => BumpAsync(db, [Everything], ct);

    /// <summary>
    /// The counters of <paramref name="services"/> (every service when null) for the days <c>[from, to)</c> touches,
    /// per service in day order, and the counter every figure depends on.
    /// </summary>
    public static async Task<(long Everything, Dictionary<string, List<(long Day, long Version)>> Days)> ReadAsync(
        CxDbContext db, IReadOnlyCollection<string>? services, long from, long to, CancellationToken ct)
    {
        var (first, everything) = (TimeSegments.Floor(from, TimeSegments.Day), Everything);
        var rows = db.Set<FigureVersionEntity>().AsNoTracking();
        var read = await (services is null ? rows : rows.Where(v => services.Contains(v.Service) || v.Service == everything.Service))
            .Where(v => (v.DayStartMicros >= first && v.DayStartMicros < to) || v.DayStartMicros == everything.Day)
            .Select(v => new { v.Service, v.DayStartMicros, v.Version }).ToListAsync(ct);
        var days = new Dictionary<string, List<(long Day, long Version)>>(StringComparer.Ordinal);
        long all = 0;
        foreach (var row in read.OrderBy(r => r.DayStartMicros))
        {
            if ((row.Service, row.DayStartMicros) == everything)
            {
                all = row.Version;
                continue;
            }
            if (!days.TryGetValue(row.Service, out var list)) days[row.Service] = list = [];
            list.Add((row.DayStartMicros, row.Version));
        }
        return (all, days);
    }
}
