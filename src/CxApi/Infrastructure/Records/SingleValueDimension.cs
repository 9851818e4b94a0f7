using CxApi.Infrastructure.Entities;
using System.Linq.Expressions;

namespace CxApi.Infrastructure.Records;

/// <summary>A dimension with at most one value per record, so records can be grouped by it (driver factors).</summary>
public abstract class SingleValueDimension<TRecord>(string name, string property, bool inRollupKey)
    : RecordDimension<TRecord>(name, property, false, inRollupKey) where TRecord : RecordEntity
{
    /// <summary>
    /// Counts per (value, score) of <paramref name="rows"/>, each carrying a record at <paramref name="record"/>, grouped in SQL.
    /// Values are the API text; a record without a value counts under null.
    /// </summary>
    public abstract Task<List<ScoreCell<string?>>> ScoreCellsAsync<TRow>(
        IQueryable<TRow> rows, Expression<Func<TRow, TRecord>> record, Expression<Func<TRow, int>> score, CancellationToken ct);
}
