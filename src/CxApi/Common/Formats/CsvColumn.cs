namespace CxApi.Common.Formats;

/// <summary>One CSV column: its header (a camelCase JSON path such as <c>ci95.low</c>) and how to read it from a row.</summary>
public sealed record CsvColumn(string Name, Func<object, object?> Value);
