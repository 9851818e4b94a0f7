using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CxApi.Common.Formats;

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
