using CxApi.Common.Paging;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using System.Linq.Expressions;

namespace CxApi.Infrastructure.Records;

/// <summary>One text value per record.</summary>
public sealed class TextDimension<TRecord>(string name, Expression<Func<TRecord, string?>> selector, bool inRollupKey = true)
    : SingleValueDimension<TRecord>(name, PropertyName(selector), inRollupKey) where TRecord : RecordEntity
{
    private readonly Func<TRecord, string?> _read = selector.Compile();

    public override IEnumerable<string> ValuesOf(RecordEntity record) => [_read((TRecord)record) ?? ""];

    public override IQueryable<TRecord> Where(IQueryable<TRecord> records, IReadOnlyCollection<string> values) =>
        records.WhereAny(values.ToList<string?>(), selector);

    public override Task<List<ScoreCell<string?>>> ScoreCellsAsync<TRow>(
        IQueryable<TRow> rows, Expression<Func<TRow, TRecord>> record, Expression<Func<TRow, int>> score, CancellationToken ct) =>
        ScoreCells.Of(rows, ScoreCells.Through(record, selector), score).ToListAsync(ct);

    internal static string PropertyName(LambdaExpression selector) =>
        selector.Body is MemberExpression member ? member.Member.Name
        : selector.Body is UnaryExpression { Operand: MemberExpression inner } ? inner.Member.Name
        : throw new ArgumentException($"A dimension reads one property, not {selector}.");
}
