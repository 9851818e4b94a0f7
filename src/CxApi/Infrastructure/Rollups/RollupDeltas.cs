using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CxApi.Infrastructure.Rollups;

/// <summary>
/// What a SaveChanges does to the rollups: for each added, deleted or changed record, its measures (±) in its hour and
/// its UTC day, for the total and for each of its dimension values, in each rollup table of its kind
/// (<see cref="RecordKinds"/>). Computed before saving (a change needs its original values) and written in the same
/// transaction.
/// </summary>
public sealed class RollupDeltas
{
    public static readonly int[] SlotSizes = [3600, 86400];

    /// <summary>Per rollup table, per row key, the sums to add (one per measure).</summary>
    public Dictionary<RollupTable, Dictionary<RollupRowKey, long[]>> Tables { get; } = [];

    /// <summary>
    /// The (service, UTC day) change counters the write moves (<see cref="FigureVersions"/>): those of every record
    /// added, deleted or changed, before and after, even when its rollup deltas cancel out (a record moved within an hour).
    /// </summary>
    public HashSet<(string Service, long Day)> Touched { get; } = [];

    public static RollupDeltas From(ChangeTracker tracker)
    {
        var deltas = new RollupDeltas();
        foreach (var entry in tracker.Entries<RecordEntity>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    deltas.Add(entry.Entity, +1);
                    break;
                case EntityState.Deleted:
                    deltas.Add((RecordEntity)entry.OriginalValues.ToObject(), -1);
                    break;
                case EntityState.Modified:
                    deltas.Add((RecordEntity)entry.OriginalValues.ToObject(), -1);
                    deltas.Add(entry.Entity, +1);
                    break;
            }
        }
        deltas.DropZeros();
        return deltas;
    }

    public void Add(RecordEntity record, int sign)
    {
        var kind = RecordKinds.For(record);
        Touched.UnionWith(FigureVersions.Of(kind, record));
        var time = kind.TimeOf(record);
        List<(string Dimension, string Value)>? marginals = null;
        foreach (var table in kind.Rollups)
        {
            long[]? values = null;
            foreach (var facet in table.Facets)
            {
                if (facet.Of(record) is not { } partition) continue;
                values ??= [.. table.Measures.Select(m => sign * m.Value(record))];
                marginals ??= [.. kind.Marginals(record)];
                if (!Tables.TryGetValue(table, out var rows)) Tables[table] = rows = [];
                foreach (var slot in SlotSizes)
                {
                    var start = time - time % (slot * 1_000_000L);
                    foreach (var (dimension, value) in marginals)
                    {
                        var key = new RollupRowKey(dimension, value, slot, start, partition);
                        if (rows.TryGetValue(key, out var sums))
                            for (var i = 0; i < sums.Length; i++) sums[i] += values[i];
                        else rows[key] = [.. values];
                    }
                }
            }
        }
    }

    private void DropZeros()
    {
        foreach (var rows in Tables.Values)
            foreach (var key in rows.Where(p => p.Value.All(v => v == 0)).Select(p => p.Key).ToList())
                rows.Remove(key);
    }
}
