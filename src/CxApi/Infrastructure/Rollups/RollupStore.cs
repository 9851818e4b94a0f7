using CxApi.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using System.Diagnostics;
using System.Globalization;

namespace CxApi.Infrastructure.Rollups;

/// <summary>Writes rollup deltas (upserts), and rebuilds or verifies every rollup from the records.</summary>
public static class RollupStore
{
    /// <summary>
    /// Adds <paramref name="deltas"/> with one upsert per table (see <see cref="UpsertAsync"/>). Rows go in key order, so concurrent
    /// transactions lock shared rows in the same order (no deadlocks on PostgreSQL). The change counters of the services
    /// and days touched (<see cref="RollupDeltas.Touched"/>) are moved by the caller at the start of its transaction.
    /// </summary>
    public static async Task ApplyAsync(CxDbContext db, RollupDeltas deltas, CancellationToken ct)
    {
        foreach (var kind in RecordKinds.All)
            foreach (var table in kind.Rollups)
            {
                if (!deltas.Tables.TryGetValue(table, out var rows) || rows.Count == 0) continue;
                await UpsertAsync(db, table.Name, [.. table.Columns.Take(4 + table.Keys.Count)], [.. table.Measures.Select(m => m.Column)],
                    rows.OrderBy(p => p.Key).Select(p => (
                        (object[])[p.Key.Dimension, p.Key.Value, p.Key.Slot, p.Key.Start, .. table.Keys.Select(k => p.Key.Partition.Value(k.Slot))],
                        (object[])[.. p.Value.Cast<object>()])), ct);
            }
    }

    /// <summary>Adds <paramref name="rows"/>' sums to the rows of <paramref name="table"/> with the same keys, inserting those missing.</summary>
    internal static async Task UpsertAsync(CxDbContext db, string table, string[] keys, string[] sums,
        IEnumerable<(object[] Key, object[] Sums)> rows, CancellationToken ct)
    {
        var columns = string.Join(", ", keys.Concat(sums).Select(c => $"\"{c}\""));
        var update = string.Join(", ", sums.Select(c => $"\"{c}\" = \"{table}\".\"{c}\" + excluded.\"{c}\""));
        var conflict = string.Join(", ", keys.Select(k => $"\"{k}\""));
        if (db.Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle })
        {
            // SQLite: one prepared single-row upsert, run per row (the connection is open in the caller's transaction).
            var single = $"INSERT INTO \"{table}\" ({columns}) VALUES ({string.Join(", ", keys.Concat(sums).Select(_ => "?"))}) " +
                         $"ON CONFLICT ({conflict}) DO UPDATE SET {update}";
            SqliteStatements.Run(handle, single, rows.Select(r => (object?[])[.. r.Key, .. r.Sums]));
            return;
        }

        // PostgreSQL: one statement per table, its columns sent as arrays and unnested in row order. The server has
        // nothing to parse or plan per row: a multi-row VALUES list of 300 rows took 3–4 times as long (docs/performance.md).
        var list = rows.ToList();
        if (list.Count == 0) return;
        var arrays = new NpgsqlParameter[keys.Length + sums.Length];
        for (var c = 0; c < arrays.Length; c++) arrays[c] = new NpgsqlParameter($"c{c}", Column(list, c, keys.Length));
        var sql = $"INSERT INTO \"{table}\" ({columns}) SELECT * FROM unnest({string.Join(", ", arrays.Select(p => "@" + p.ParameterName))}) " +
                  $"ON CONFLICT ({conflict}) DO UPDATE SET {update}";
        await db.Database.ExecuteSqlRawAsync(sql, arrays, ct);
    }

    /// <summary>Column <paramref name="c"/> of <paramref name="rows"/> (keys, then sums) as a typed array.</summary>
    private static Array Column(List<(object[] Key, object[] Sums)> rows, int c, int keyCount)
    {
        object Cell(int r) => c < keyCount ? rows[r].Key[c] : rows[r].Sums[c - keyCount];
        Array array = Cell(0) switch
        {
            string => new string[rows.Count],
            int => new int[rows.Count],
            long => new long[rows.Count],
            double => new double[rows.Count],
            var other => throw new ArgumentException($"Unexpected rollup value {other}."),
        };
        for (var r = 0; r < rows.Count; r++) array.SetValue(Cell(r), r);
        return array;
    }

    // ---- Rebuild and verify: the same rows computed by SQL straight from the records ---------------

    private static IEnumerable<(RecordKind Kind, RollupTable Table, string Columns)> Tables =>
        RecordKinds.All.SelectMany(kind => kind.Rollups.Select(table => (kind, table, string.Join(", ", table.Columns.Select(c => $"\"{c}\"")))));

    /// <summary>
    /// Replaces every rollup with what the records say, in one transaction. Progress goes to <paramref name="log"/>: a line
    /// per 10 % of the aggregations and one per table rebuilt, since on millions of records this takes minutes. Rollups of
    /// purged periods (before a kind's purge horizon) are kept as they are: their records are gone.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, int>> RebuildAsync(CxDbContext db, ILogger log, CancellationToken ct)
    {
        var dialect = SqlDialect.For(db.Database);
        var clock = Stopwatch.StartNew();
        var written = new Dictionary<string, int>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The horizons may not move while the rebuild runs: a purge batch of the records between them and the rebuild's
        // own would lose their counts from the rollups. (SQLite's transaction already holds the only write lock.)
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"PurgeHorizons\" IN SHARE MODE", ct);
        var horizons = await PurgeHorizons.ReadAsync(db, ct);
        var plan = (from t in Tables
                    let since = Since(horizons, t.Kind)
                    select (t.Table.Name, t.Columns, Since: since, Selects: Aggregations(t.Kind, t.Table, dialect, since).ToList())).ToList();
        var total = plan.Sum(p => p.Selects.Count);
        var (done, shown) = (0, 0);
        log.LogInformation("Rollup rebuild: {Tables} tables from {Aggregations} aggregations of the records, in one transaction", plan.Count, total);
        foreach (var (table, columns, since, selects) in plan)
        {
            // The statements are built here from table names and integers only; they take no input.
            var delete = $"DELETE FROM \"{table}\"{(since is { } s ? $" WHERE \"SlotStartMicros\" >= {s.ToString(CultureInfo.InvariantCulture)}" : "")}";
            await db.Database.ExecuteSqlRawAsync(delete, ct);
            written[table] = 0;
            foreach (var select in selects)
            {
                var insert = $"INSERT INTO \"{table}\" ({columns}) {select}";
                written[table] += await db.Database.ExecuteSqlRawAsync(insert, ct);
                var percent = ++done * 100 / total;
                if (percent / 10 <= shown / 10) continue;
                shown = percent;
                log.LogInformation("Rollup rebuild: {Percent} % ({Done} of {Total} aggregations, {Seconds:N1} s)", percent / 10 * 10, done, total,
                    clock.Elapsed.TotalSeconds);
            }
            log.LogInformation("Rollup rebuild: {Table} rebuilt, {Rows} rows", table, written[table]);
        }
        await FigureVersions.BumpEverythingAsync(db, ct); // figures kept from the old rollups may differ from the new
        await transaction.CommitAsync(ct);
        log.LogInformation("Rollup rebuild: committed {Rows} rows in {Seconds:N1} s", written.Values.Sum(), clock.Elapsed.TotalSeconds);
        return written;
    }

    /// <summary>
    /// For each table, how many rows differ between the stored rollups and a fresh aggregation (0 = consistent). Purged
    /// periods (before a kind's purge horizon) are skipped: their rollups are all that is left of them.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, long>> VerifyAsync(CxDbContext db, CancellationToken ct)
    {
        var dialect = SqlDialect.For(db.Database);
        var differences = new Dictionary<string, long>();
        var horizons = await PurgeHorizons.ReadAsync(db, ct);
        foreach (var (kind, rollup, columns) in Tables)
        {
            var table = rollup.Name;
            var since = Since(horizons, kind);
            var fresh = string.Join(" UNION ALL ", Aggregations(kind, rollup, dialect, since));
            var stored = $"SELECT {columns} FROM \"{table}\" WHERE \"Count\" <> 0" +
                         (since is { } s ? $" AND \"SlotStartMicros\" >= {s.ToString(CultureInfo.InvariantCulture)}" : "");
            var missing = $"SELECT COUNT(*) AS \"Value\" FROM (SELECT * FROM ({fresh}) f EXCEPT SELECT * FROM ({stored}) s) d";
            var extra = $"SELECT COUNT(*) AS \"Value\" FROM (SELECT * FROM ({stored}) s EXCEPT SELECT * FROM ({fresh}) f) d";
            differences[table] = await db.Database.SqlQueryRaw<long>(missing).SingleAsync(ct) + await db.Database.SqlQueryRaw<long>(extra).SingleAsync(ct);
        }
        return differences;
    }

    /// <summary>Where a kind's records are still kept: from its purge horizon (a UTC midnight, so every slot is whole), if any.</summary>
    private static long? Since(IReadOnlyDictionary<string, long> horizons, RecordKind kind) =>
        horizons.TryGetValue(kind.Name, out var horizon) ? horizon : null;

    /// <summary>
    /// One SELECT per slot size, dimension and facet, producing exactly the rows RollupDeltas maintains (of the records
    /// from <paramref name="since"/> on, if given).
    /// </summary>
    private static IEnumerable<string> Aggregations(RecordKind kind, RollupTable table, SqlDialect dialect, long? since)
    {
        var sums = string.Join(", ", table.Measures.Select(m =>
            $"CAST(SUM({m.SqlWithSla(RecordKinds.DefaultSlaMicros)}) AS BIGINT) AS \"{m.Column}\""));
        foreach (var seconds in RollupDeltas.SlotSizes)
        {
            var s = seconds.ToString(CultureInfo.InvariantCulture);
            var us = (seconds * 1_000_000L).ToString(CultureInfo.InvariantCulture);
            var time = $"r.\"{kind.TimeColumn}\"";
            foreach (var facet in table.Facets)
            {
                var keys = string.Concat(facet.KeySql.Select((sql, i) => $", {sql} AS \"{table.Keys[i].Column}\""));
                string[] conditions = [.. new[] { facet.WhereSql, since is { } from ? $"{time} >= {from.ToString(CultureInfo.InvariantCulture)}" : null }.OfType<string>()];
                var where = conditions.Length == 0 ? "" : $" WHERE {string.Join(" AND ", conditions)}";
                var groupBy = string.Join(", ", Enumerable.Range(1, 4 + table.Keys.Count));
                foreach (var (dimension, value, join) in Dimensions(kind, dialect))
                    yield return $"""
                        SELECT '{dimension}' AS "Dimension", {value} AS "Value", {s} AS "SlotSeconds", {time} - {time} % {us} AS "SlotStartMicros"{keys}, {sums}
                        FROM "{kind.Table}" r{join}{where} GROUP BY {groupBy}
                        """;
            }
        }
    }

    /// <summary>The total ("", "") and each rolled-up dimension's value expression (a null column is ""; a list one row per element).</summary>
    private static IEnumerable<(string Dimension, string Value, string Join)> Dimensions(RecordKind kind, SqlDialect dialect)
    {
        yield return ("", "''", "");
        foreach (var dimension in kind.Dimensions.Where(d => d.InRollupKey))
            yield return dimension.MultiValued
                ? (dimension.Name, "g.value", dialect.EachTag($"r.\"{dimension.Property}\"", "g"))
                : (dimension.Name, $"COALESCE(r.\"{dimension.Property}\", '')", "");
    }
}
