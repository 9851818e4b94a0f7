using CxApi.Infrastructure.Entities;
using System.Linq.Expressions;

namespace CxApi.Infrastructure.Records;

/// <summary>A list of text values per record (tags).</summary>
public sealed class ListDimension<TRecord>(string name, Expression<Func<TRecord, List<string>>> selector)
    : RecordDimension<TRecord>(name, TextDimension<TRecord>.PropertyName(selector), true, true) where TRecord : RecordEntity
{
    private readonly Func<TRecord, List<string>> _read = selector.Compile();

    public override IEnumerable<string> ValuesOf(RecordEntity record) => _read((TRecord)record);

    public override IQueryable<TRecord> Where(IQueryable<TRecord> records, IReadOnlyCollection<string> values)
    {
        var wanted = values.ToList();
        var any = Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(string)], selector.Body,
            (Expression<Func<string, bool>>)(t => wanted.Contains(t)));
        return records.Where(Expression.Lambda<Func<TRecord, bool>>(any, selector.Parameters));
    }
}
