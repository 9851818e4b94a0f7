using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CxApi.Infrastructure.Rollups;

/// <summary>The little SQL that differs between SQLite and PostgreSQL: tag arrays (JSON text vs. text[]) and how slot ranges drive a rollup read.</summary>
public abstract class SqlDialect
{
    public static SqlDialect For(DatabaseFacade database) => database.IsNpgsql() ? Postgres.Instance : Sqlite.Instance;

    /// <summary>A condition: the row's tags include any of <paramref name="valueList"/> (SQL parameters).</summary>
    public abstract string AnyTag(string column, string valueList);

    /// <summary>A FROM addition giving one row per tag; the tag is <c>{alias}.value</c>.</summary>
    public abstract string EachTag(string column, string alias);

    /// <summary>
    /// FROM/WHERE joining the ranges <c>s</c> to a table <c>r</c> (a rollup, or the records), so that each range is one
    /// index range scan of the table (<paramref name="conditions"/> name both); <paramref name="join"/> follows per row of r.
    /// </summary>
    public abstract string RangesJoin(string table, string conditions, string join = "");

    private sealed class Sqlite : SqlDialect
    {
        public static readonly Sqlite Instance = new();
        public override string AnyTag(string column, string valueList) => $"EXISTS (SELECT 1 FROM json_each({column}) t WHERE t.value IN ({valueList}))";
        public override string EachTag(string column, string alias) => $" JOIN json_each({column}) {alias}";
        // SQLite keeps the CROSS JOIN order: the ranges drive, each one an index seek.
        public override string RangesJoin(string table, string conditions, string join = "") => $"FROM s CROSS JOIN \"{table}\" r{join}\nWHERE {conditions}";
    }

    private sealed class Postgres : SqlDialect
    {
        public static readonly Postgres Instance = new();
        public override string AnyTag(string column, string valueList) => $"{column} && ARRAY[{valueList}]::text[]";
        public override string EachTag(string column, string alias) => $" CROSS JOIN LATERAL unnest({column}) AS {alias}(value)";
        // Left to plan the join, PostgreSQL hashes the table's rows on the slot size and filters the ranges row by row
        // (a one-year weekly trend: 1.9 M rows discarded, 139 ms); a LATERAL subquery that OFFSET 0 keeps from being
        // flattened makes each range one index range scan (5 ms).
        public override string RangesJoin(string table, string conditions, string join = "") =>
            $"FROM s CROSS JOIN LATERAL (SELECT * FROM \"{table}\" r WHERE {conditions} OFFSET 0) r{join}\nWHERE TRUE";
    }
}
