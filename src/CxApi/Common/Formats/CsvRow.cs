namespace CxApi.Common.Formats;

internal sealed record CsvRow(object?[] Prefix, object Item);
