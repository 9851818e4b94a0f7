using CxApi.Infrastructure.Entities;

namespace CxApi.Infrastructure.Records;

/// <summary>
/// A figure a rollup sums: its column, what one record adds (C#, for rollup deltas) and the same as SQL over the
/// record alias <c>r</c> (for the rebuild and for counting records directly). <c>{sla}</c> in the SQL stands for
/// the SLA in microseconds: the default SLA in rollups, the query's own when counting records.
/// </summary>
public sealed record Measure(string Column, Func<RecordEntity, long> Value, string Sql)
{
    public const string SlaToken = "{sla}";

    /// <summary>The number of records.</summary>
    public static readonly Measure Count = new("Count", _ => 1, "1");

    /// <summary>Records meeting <paramref name="condition"/> (C#) / <paramref name="sql"/> (SQL).</summary>
    public static Measure CountOf<TRecord>(string column, Func<TRecord, bool> condition, string sql) where TRecord : RecordEntity =>
        new(column, r => condition((TRecord)r) ? 1 : 0, $"CASE WHEN {sql} THEN 1 ELSE 0 END");

    /// <summary>A sum of a nullable quantity (a missing one adds 0).</summary>
    public static Measure SumOf<TRecord>(string column, Func<TRecord, long?> value, string sql) where TRecord : RecordEntity =>
        new(column, r => value((TRecord)r) ?? 0, $"COALESCE({sql}, 0)");

    public string SqlWithSla(long slaMicros) => Sql.Replace(SlaToken, slaMicros.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
