using CxApi.Common;
using CxApi.Common.Paging;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using System.Linq.Expressions;

namespace CxApi.Infrastructure.Records;

/// <summary>One enumeration value per record, as its API text (<c>email</c>).</summary>
public sealed class EnumDimension<TRecord, TEnum>(string name, Expression<Func<TRecord, TEnum?>> selector)
    : SingleValueDimension<TRecord>(name, TextDimension<TRecord>.PropertyName(selector), true)
    where TRecord : RecordEntity where TEnum : struct, Enum
{
    private readonly Func<TRecord, TEnum?> _read = selector.Compile();

    public override IReadOnlyCollection<string> AllowedValues => EnumText<TEnum>.AllNames;

    public override IEnumerable<string> ValuesOf(RecordEntity record) =>
        [_read((TRecord)record) is { } value ? EnumText<TEnum>.ToText(value) : ""];

    public override IQueryable<TRecord> Where(IQueryable<TRecord> records, IReadOnlyCollection<string> values) =>
        records.WhereAny(values.Select(v => (TEnum?)EnumText<TEnum>.Parse(v)).ToList(), selector);

    public override async Task<List<ScoreCell<string?>>> ScoreCellsAsync<TRow>(
        IQueryable<TRow> rows, Expression<Func<TRow, TRecord>> record, Expression<Func<TRow, int>> score, CancellationToken ct) =>
        [.. (await ScoreCells.Of(rows, ScoreCells.Through(record, selector), score).ToListAsync(ct))
            .Select(c => new ScoreCell<string?> { Key = c.Key is { } v ? EnumText<TEnum>.ToText(v) : null, Score = c.Score, Count = c.Count })];
}
