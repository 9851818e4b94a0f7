using CxApi.Infrastructure.Entities;

namespace CxApi.Infrastructure.Records;

/// <summary>
/// A dimension of a record kind: the name queries use (<c>channel</c>), the entity property and column behind it
/// (<c>Channel</c>), and how a record's values are read: one value (a missing one is <c>""</c> in the rollups) or,
/// for tags, one per element. Rollup rows, counting SQL, list filters and metric filters all read it from here.
/// </summary>
public abstract class RecordDimension
{
    protected RecordDimension(string name, string property, bool multiValued, bool inRollupKey)
    {
        Name = name;
        Property = property;
        MultiValued = multiValued;
        InRollupKey = inRollupKey;
    }

    /// <summary>The name in queries, bodies and rollup rows (<c>channel</c>).</summary>
    public string Name { get; }

    /// <summary>The entity property, which is also the column (<c>Channel</c>).</summary>
    public string Property { get; }

    /// <summary>Several values per record (tags): a record counts once under each.</summary>
    public bool MultiValued { get; }

    /// <summary>
    /// Rolled up as (Dimension, Value) rows; false for a dimension the rollup keeps as a key column of its own
    /// (a response's survey).
    /// </summary>
    public bool InRollupKey { get; }

    /// <summary>The allowed values when the dimension is an enumeration (null: any text).</summary>
    public virtual IReadOnlyCollection<string>? AllowedValues => null;

    /// <summary>The record's values as the rollups keep them (a missing value is <c>""</c>).</summary>
    public abstract IEnumerable<string> ValuesOf(RecordEntity record);
}

/// <summary>A dimension of records of type <typeparamref name="TRecord"/>, with the LINQ filter lists and drivers use.</summary>
public abstract class RecordDimension<TRecord>(string name, string property, bool multiValued, bool inRollupKey)
    : RecordDimension(name, property, multiValued, inRollupKey) where TRecord : RecordEntity
{
    /// <summary>Keeps the records with any of <paramref name="values"/> (values of one dimension mean "either").</summary>
    public abstract IQueryable<TRecord> Where(IQueryable<TRecord> records, IReadOnlyCollection<string> values);
}
