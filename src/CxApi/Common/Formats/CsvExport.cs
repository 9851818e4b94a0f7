using System.Text.Json;

namespace CxApi.Common.Formats;

/// <summary>Endpoint metadata: this endpoint answers <c>Accept: text/csv</c> with these columns (read by the OpenAPI filter).</summary>
public sealed record CsvExport(string[] Prefix, Type ItemType, string Rows)
{
    public IReadOnlyList<string> ColumnNames(JsonSerializerOptions options) =>
        [.. Prefix, .. Csv.ColumnsOf(ItemType, options).Select(c => c.Name)];

    public IReadOnlyList<CsvColumn> Columns(JsonSerializerOptions options) =>
    [
        .. Prefix.Select((name, i) => new CsvColumn(name, row => ((CsvRow)row).Prefix[i])),
        .. Csv.ColumnsOf(ItemType, options).Select(c => c with { Value = row => c.Value(((CsvRow)row).Item) }),
    ];
}
