namespace CxApi.Common.Formats;

/// <summary>Rows of a CSV export: leading columns that say where each row comes from, then an item's own columns.</summary>
public sealed record CsvRows(IEnumerable<(object?[] Prefix, object Item)> Rows);
