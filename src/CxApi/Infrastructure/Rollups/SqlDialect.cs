using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CxApi.Infrastructure.Rollups;

/// <summary>The little SQL that differs between SQLite and PostgreSQL: tag arrays (JSON text vs. text[]).</summary>
public abstract class SqlDialect
{
    public static SqlDialect For(DatabaseFacade database) => database.IsNpgsql() ? Postgres.Instance : Sqlite.Instance;

    /// <summary>A condition: the row's tags include any of <paramref name="valueList"/> (SQL parameters).</summary>
    public abstract string AnyTag(string column, string valueList);

    /// <summary>A FROM addition giving one row per tag; the tag is <c>{alias}.value</c>.</summary>
    public abstract string EachTag(string column, string alias);

    private sealed class Sqlite : SqlDialect
    {
        public static readonly Sqlite Instance = new();
        public override string AnyTag(string column, string valueList) => $"EXISTS (SELECT 1 FROM json_each({column}) t WHERE t.value IN ({valueList}))";
        public override string EachTag(string column, string alias) => $" JOIN json_each({column}) {alias}";
    }

    private sealed class Postgres : SqlDialect
    {
        public static readonly Postgres Instance = new();
        public override string AnyTag(string column, string valueList) => $"{column} && ARRAY[{valueList}]::text[]";
        public override string EachTag(string column, string alias) => $" CROSS JOIN LATERAL unnest({column}) AS {alias}(value)";
    }
}
