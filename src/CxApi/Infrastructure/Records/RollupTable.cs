namespace CxApi.Infrastructure.Records;

/// <summary>
/// A rollup table of a record kind: per dimension value, slot (hour or UTC day) and extra key, the sums of its
/// measures. Its key is (Dimension, Value, SlotSeconds, SlotStartMicros, extra keys...); the first measure is Count.
/// </summary>
public sealed record RollupTable(string Name, IReadOnlyList<RollupKeyColumn> Keys, IReadOnlyList<Measure> Measures, IReadOnlyList<RollupFacet> Facets)
{
    public IEnumerable<string> Columns =>
        ["Dimension", "Value", "SlotSeconds", "SlotStartMicros", .. Keys.Select(k => k.Column), .. Measures.Select(m => m.Column)];
}
