using CxApi.Infrastructure.Entities;

namespace CxApi.Infrastructure.Records;

/// <summary>
/// Everything the rollups, the counting SQL, the filters and the changes feed need to know about one kind of record:
/// its table, its own time, its dimensions and its rollup tables. Adding a dimension or a record kind is an edit here
/// (and in the entity, contracts and migrations), not in each of those places.
/// </summary>
public abstract class RecordKind
{
    /// <summary>The resource name (<c>responses</c>): the changes feed's <c>type</c> is its singular.</summary>
    public required string Name { get; init; }
    public required string Table { get; init; }

    /// <summary>The column of the record's own time (responded, published, opened) in Unix microseconds: metrics' period and slots.</summary>
    public abstract string TimeColumn { get; }

    /// <summary>The record's own time (<see cref="TimeColumn"/>'s value).</summary>
    public abstract long TimeOf(RecordEntity record);
    public required IReadOnlyList<RollupTable> Rollups { get; init; }
    public abstract IReadOnlyList<RecordDimension> Dimensions { get; }
    public abstract Type EntityType { get; }

    /// <summary>The kind's records in <paramref name="db"/>.</summary>
    public abstract IQueryable<RecordEntity> Records(CxDbContext db);

    public RecordDimension? Dimension(string name) => Dimensions.FirstOrDefault(d => d.Name == name);

    /// <summary>The (dimension, value) rows a record counts in: the total ("", ""), then one per rolled-up dimension value.</summary>
    public IEnumerable<(string Dimension, string Value)> Marginals(RecordEntity record)
    {
        yield return ("", "");
        foreach (var dimension in Dimensions)
            if (dimension.InRollupKey)
                foreach (var value in dimension.ValuesOf(record))
                    yield return (dimension.Name, value);
    }
}

/// <summary>A record kind whose entity is <typeparamref name="TRecord"/>.</summary>
public sealed class RecordKind<TRecord> : RecordKind where TRecord : RecordEntity
{
    private Func<TRecord, long>? _time;

    /// <summary>The record's own time, as the property that holds it (<c>r =&gt; r.RespondedAtMicros</c>): column and value both come from it.</summary>
    public required System.Linq.Expressions.Expression<Func<TRecord, long>> Time { get; init; }

    public override string TimeColumn => TextDimension<TRecord>.PropertyName(Time);

    // Compiled on first use (two threads may both compile it; either result is the same function).
    public override long TimeOf(RecordEntity record) => (_time ??= Time.Compile())((TRecord)record);

    public required IReadOnlyList<RecordDimension<TRecord>> Of { get; init; }

    public override IQueryable<RecordEntity> Records(CxDbContext db) => db.Set<TRecord>();
    public override IReadOnlyList<RecordDimension> Dimensions => Of;
    public override Type EntityType => typeof(TRecord);

    /// <summary>Keeps the records matching every filter (dimension name → values; values of one dimension mean "either").</summary>
    public IQueryable<TRecord> WhereDimensions(IQueryable<TRecord> records, IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        foreach (var dimension in Of)
            if (filters.TryGetValue(dimension.Name, out var values) && values.Count > 0)
                records = dimension.Where(records, values);
        return records;
    }

    /// <summary>Keeps the records matching a list or metric query's dimension filters (<see cref="QueryDimensions"/>).</summary>
    public IQueryable<TRecord> WhereDimensions(IQueryable<TRecord> records, object query) =>
        WhereDimensions(records, QueryDimensions.Of(query).Where(f => f.Value is { Length: > 0 })
            .ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value!));
}
