using System.Globalization;
using System.Text;
using CxApi.Common;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Infrastructure.Rollups;

/// <summary>Writes rollup deltas (upserts), and rebuilds or verifies every rollup from the records.</summary>
public static class RollupStore
{
    private const int RowsPerStatement = 300;

    /// <summary>
    /// Adds <paramref name="deltas"/> with one multi-row upsert per table and chunk. Rows go in key order, so
    /// concurrent transactions lock shared rows in the same order (no deadlocks on PostgreSQL).
    /// </summary>
    public static async Task ApplyAsync(CxDbContext db, RollupDeltas deltas, CancellationToken ct)
    {
        await UpsertAsync(db, "ResponseRollups", ["Kind", "Dimension", "Value", "SlotSeconds", "SlotStartMicros", "SurveyId", "Score"], ["Count"],
            deltas.Responses.OrderBy(p => p.Key).Select(p => (
                new object[] { EnumText<SurveyKind>.ToText(p.Key.Kind), p.Key.Dimension, p.Key.Value, p.Key.Slot, p.Key.Start, p.Key.SurveyId, p.Key.Score },
                new object[] { p.Value })), ct);
        await UpsertAsync(db, "ReviewRollups", ["Dimension", "Value", "SlotSeconds", "SlotStartMicros", "Rating"], ["Count"],
            deltas.Reviews.OrderBy(p => p.Key).Select(p => (
                new object[] { p.Key.Dimension, p.Key.Value, p.Key.Slot, p.Key.Start, p.Key.Rating }, new object[] { p.Value })), ct);
        await UpsertAsync(db, "InteractionRollups", ["Dimension", "Value", "SlotSeconds", "SlotStartMicros"],
            ["Count", "Resolved", "ResolvedFirstContact", "Escalated", "Abandoned", "WithFirstResponse", "WithinDefaultSla", "FirstResponseMicros", "ResolutionMicros"],
            deltas.Interactions.OrderBy(p => p.Key).Select(p => (
                new object[] { p.Key.Dimension, p.Key.Value, p.Key.Slot, p.Key.Start },
                new object[] { p.Value.Count, p.Value.Resolved, p.Value.ResolvedFirstContact, p.Value.Escalated, p.Value.Abandoned,
                               p.Value.WithFirstResponse, p.Value.WithinDefaultSla, p.Value.FirstResponseMicros, p.Value.ResolutionMicros })), ct);
        await UpsertAsync(db, "InteractionBinRollups", ["Dimension", "Value", "SlotSeconds", "SlotStartMicros", "Which", "Bin"], ["Count"],
            deltas.Bins.OrderBy(p => p.Key).Select(p => (
                new object[] { p.Key.Dimension, p.Key.Value, p.Key.Slot, p.Key.Start, p.Key.Which, p.Key.Bin }, new object[] { p.Value })), ct);
    }

    private static async Task UpsertAsync(CxDbContext db, string table, string[] keys, string[] sums,
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

        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            // Numbers computed here are written inline; text (dimension values, ids) travels as parameters,
            // one per distinct string, since SQLite finds a parameter by scanning its name list.
            var args = new List<object>();
            var placeholders = new Dictionary<string, string>(StringComparer.Ordinal);
            string Sql(object value) => value switch
            {
                string text => placeholders.TryGetValue(text, out var p) ? p : placeholders[text] = Add(text),
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                _ => throw new ArgumentException($"Unexpected rollup value {value}."),
            };
            string Add(string text)
            {
                args.Add(text);
                return $"{{{args.Count - 1}}}";
            }
            var values = string.Join(", ", chunk.Select(row => "(" + string.Join(", ", row.Key.Concat(row.Sums).Select(Sql)) + ")"));
            // Only identifiers, numbers and placeholders are interpolated; text travels as parameters.
            var sql = $"INSERT INTO \"{table}\" ({columns}) VALUES {values} ON CONFLICT ({conflict}) DO UPDATE SET {update}";
            await db.Database.ExecuteSqlRawAsync(sql, args, ct);
        }
    }

    // ---- Rebuild and verify: the same rows computed by SQL straight from the records ---------------

    private static readonly (string Table, string Columns)[] Tables =
    [
        ("ResponseRollups", "\"Kind\", \"Dimension\", \"Value\", \"SlotSeconds\", \"SlotStartMicros\", \"SurveyId\", \"Score\", \"Count\""),
        ("ReviewRollups", "\"Dimension\", \"Value\", \"SlotSeconds\", \"SlotStartMicros\", \"Rating\", \"Count\""),
        ("InteractionRollups", "\"Dimension\", \"Value\", \"SlotSeconds\", \"SlotStartMicros\", \"Count\", \"Resolved\", \"ResolvedFirstContact\", " +
                               "\"Escalated\", \"Abandoned\", \"WithFirstResponse\", \"WithinDefaultSla\", \"FirstResponseMicros\", \"ResolutionMicros\""),
        ("InteractionBinRollups", "\"Dimension\", \"Value\", \"SlotSeconds\", \"SlotStartMicros\", \"Which\", \"Bin\", \"Count\""),
    ];

    /// <summary>Replaces every rollup with what the records say, in one transaction.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> RebuildAsync(CxDbContext db, CancellationToken ct)
    {
        var dialect = SqlDialect.For(db.Database);
        var written = new Dictionary<string, int>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (table, columns) in Tables)
        {
            // The statements are built here from table names and integers only; they take no input.
            var delete = $"DELETE FROM \"{table}\"";
            await db.Database.ExecuteSqlRawAsync(delete, ct);
            written[table] = 0;
            foreach (var select in Aggregations(table, dialect))
            {
                var insert = $"INSERT INTO \"{table}\" ({columns}) {select}";
                written[table] += await db.Database.ExecuteSqlRawAsync(insert, ct);
            }
        }
        await transaction.CommitAsync(ct);
        return written;
    }

    /// <summary>For each table, how many rows differ between the stored rollups and a fresh aggregation (0 = consistent).</summary>
    public static async Task<IReadOnlyDictionary<string, long>> VerifyAsync(CxDbContext db, CancellationToken ct)
    {
        var dialect = SqlDialect.For(db.Database);
        var differences = new Dictionary<string, long>();
        foreach (var (table, columns) in Tables)
        {
            var fresh = string.Join(" UNION ALL ", Aggregations(table, dialect));
            var stored = $"SELECT {columns} FROM \"{table}\" WHERE \"Count\" <> 0";
            var missing = $"SELECT COUNT(*) AS \"Value\" FROM (SELECT * FROM ({fresh}) f EXCEPT SELECT * FROM ({stored}) s) d";
            var extra = $"SELECT COUNT(*) AS \"Value\" FROM (SELECT * FROM ({stored}) s EXCEPT SELECT * FROM ({fresh}) f) d";
            differences[table] = await db.Database.SqlQueryRaw<long>(missing).SingleAsync(ct) + await db.Database.SqlQueryRaw<long>(extra).SingleAsync(ct);
        }
        return differences;
    }

    /// <summary>One SELECT per slot size and dimension, producing exactly the rows RollupDeltas maintains.</summary>
    private static IEnumerable<string> Aggregations(string table, SqlDialect dialect)
    {
        foreach (var seconds in RollupDeltas.SlotSizes)
        {
            var s = seconds.ToString(CultureInfo.InvariantCulture);
            var us = (seconds * 1_000_000L).ToString(CultureInfo.InvariantCulture);
            string Slot(string time) => $"{s} AS \"SlotSeconds\", r.\"{time}\" - r.\"{time}\" % {us} AS \"SlotStartMicros\"";
            switch (table)
            {
                case "ResponseRollups":
                    foreach (var (dimension, value, join) in Dimensions(dialect, ("channel", "Channel"), ("product", "Product"), ("region", "Region"), ("tag", null)))
                        yield return $"""
                            SELECT r."Kind", '{dimension}' AS "Dimension", {value} AS "Value", {Slot("RespondedAtMicros")}, r."SurveyId",
                                   CAST(COALESCE(r."Score", r."SusScore") AS DOUBLE PRECISION) AS "Score", COUNT(*) AS "Count"
                            FROM "Responses" r{join} GROUP BY 1, 2, 3, 4, 5, 6, 7
                            """;
                    break;
                case "ReviewRollups":
                    foreach (var (dimension, value, join) in Dimensions(dialect, ("source", "Source"), ("product", "Product"), ("region", "Region")))
                        yield return $"""
                            SELECT '{dimension}' AS "Dimension", {value} AS "Value", {Slot("PublishedAtMicros")}, r."Rating", COUNT(*) AS "Count"
                            FROM "Reviews" r{join} GROUP BY 1, 2, 3, 4, 5
                            """;
                    break;
                case "InteractionRollups":
                    foreach (var (dimension, value, join) in InteractionDimensions(dialect))
                        yield return $"""
                            SELECT '{dimension}' AS "Dimension", {value} AS "Value", {Slot("OpenedAtMicros")}, COUNT(*) AS "Count",
                                   CAST(SUM(CASE WHEN r."Status" = 'resolved' THEN 1 ELSE 0 END) AS BIGINT) AS "Resolved",
                                   CAST(SUM(CASE WHEN r."Status" = 'resolved' AND r."ContactCount" = 1 THEN 1 ELSE 0 END) AS BIGINT) AS "ResolvedFirstContact",
                                   CAST(SUM(CASE WHEN r."Escalated" THEN 1 ELSE 0 END) AS BIGINT) AS "Escalated",
                                   CAST(SUM(CASE WHEN r."Status" = 'abandoned' THEN 1 ELSE 0 END) AS BIGINT) AS "Abandoned",
                                   CAST(SUM(CASE WHEN r."FirstResponseAtMicros" IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS "WithFirstResponse",
                                   CAST(SUM(CASE WHEN r."FirstResponseAtMicros" - r."OpenedAtMicros" <= {RollupDeltas.DefaultSlaMicros} THEN 1 ELSE 0 END) AS BIGINT) AS "WithinDefaultSla",
                                   CAST(COALESCE(SUM(r."FirstResponseAtMicros" - r."OpenedAtMicros"), 0) AS BIGINT) AS "FirstResponseMicros",
                                   CAST(COALESCE(SUM(r."ResolvedAtMicros" - r."OpenedAtMicros"), 0) AS BIGINT) AS "ResolutionMicros"
                            FROM "Interactions" r{join} GROUP BY 1, 2, 3, 4
                            """;
                    break;
                case "InteractionBinRollups":
                    foreach (var (dimension, value, join) in InteractionDimensions(dialect))
                        foreach (var (which, column) in new[] { (0, "FirstResponseBin"), (1, "ResolutionBin") })
                            yield return $"""
                                SELECT '{dimension}' AS "Dimension", {value} AS "Value", {Slot("OpenedAtMicros")}, {which} AS "Which", r."{column}" AS "Bin", COUNT(*) AS "Count"
                                FROM "Interactions" r{join} WHERE r."{column}" IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6
                                """;
                    break;
            }
        }
    }

    private static IEnumerable<(string Dimension, string Value, string Join)> InteractionDimensions(SqlDialect dialect) =>
        Dimensions(dialect, ("channel", "Channel"), ("product", "Product"), ("region", "Region"), ("team", "Team"), ("type", "Type"), ("tag", null));

    /// <summary>The total ("", "") and each dimension's value expression (a null column is ""; tags one row each).</summary>
    private static IEnumerable<(string Dimension, string Value, string Join)> Dimensions(SqlDialect dialect, params (string Name, string? Column)[] dimensions)
    {
        yield return ("", "''", "");
        foreach (var (name, column) in dimensions)
            yield return column is null
                ? (name, "g.value", dialect.EachTag("r.\"Tags\"", "g"))
                : (name, $"COALESCE(r.\"{column}\", '')", "");
    }
}
