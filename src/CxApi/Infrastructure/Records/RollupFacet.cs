using CxApi.Infrastructure.Entities;

namespace CxApi.Infrastructure.Records;

/// <summary>
/// One row a record makes in a rollup table, named by the table's extra key columns: its values for a record (C#;
/// null when the record makes no such row) and the same as SQL over the record alias <c>r</c>, with the condition
/// under which a record makes the row. Most tables have one facet; the duration histogram has two (first response,
/// resolution).
/// </summary>
public sealed record RollupFacet(Func<RecordEntity, RollupPartition?> Of, IReadOnlyList<string> KeySql, string? WhereSql = null);
