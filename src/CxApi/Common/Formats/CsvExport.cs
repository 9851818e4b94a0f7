using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CxApi.Common.Formats;

/// <summary>Rows of a CSV export: leading columns that say where each row comes from, then an item's own columns.</summary>
public sealed record CsvRows(IEnumerable<(object?[] Prefix, object Item)> Rows);

/// <summary>A body that can also be written as CSV (metric reports, trends, the summary).</summary>
public interface ICsvExportable
{
    /// <summary>Names of the leading columns; each row's <c>Prefix</c> holds their values.</summary>
    static abstract string[] CsvPrefix { get; }
    /// <summary>The contract each row's <c>Item</c> is; its JSON properties are the remaining columns.</summary>
    static abstract Type CsvItemType { get; }
    CsvRows ToCsvRows();
}

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

internal sealed record CsvRow(object?[] Prefix, object Item);

public static class CsvExportExtensions
{
    /// <summary>The endpoint's JSON body of type <typeparamref name="T"/> is also served as CSV when the client asks for it.</summary>
    public static RouteHandlerBuilder WithCsv<T>(this RouteHandlerBuilder builder, string rows) where T : ICsvExportable
    {
        var export = new CsvExport(T.CsvPrefix, T.CsvItemType, rows);
        return builder.WithMetadata(export).AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var http = context.HttpContext;
            var value = (result is INestedHttpResult nested ? nested.Result : result) as IValueHttpResult; // Results<Ok<T>, …> wraps the Ok
            if (value is not { Value: ICsvExportable body } || !AcceptHeader.Prefers(http.Request, Csv.MediaType)) return result;
            var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var lines = body.ToCsvRows().Rows.Select(r => (object)new CsvRow(r.Prefix, r.Item));
            return new CsvResult(export.Columns(options), lines.ToAsyncEnumerable());
        });
    }

    /// <summary>Documents a list endpoint's CSV form: one row per <typeparamref name="TItem"/> (the handler streams it).</summary>
    public static RouteHandlerBuilder WithCsvList<TItem>(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new CsvExport([], typeof(TItem), "one row per record, newest first; without `limit`, every matching record (streamed)"));
}
