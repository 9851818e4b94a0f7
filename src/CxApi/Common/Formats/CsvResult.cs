using System.Text;

namespace CxApi.Common.Formats;

/// <summary>A CSV body: a header row, then one line per row as they arrive (a list is written page by page, never held whole).</summary>
public sealed class CsvResult(IReadOnlyList<CsvColumn> columns, IAsyncEnumerable<object> rows) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var options = httpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var ct = httpContext.RequestAborted;
        response.ContentType = Csv.ContentType;
        var body = response.BodyWriter;
        long buffered = Encoding.UTF8.GetBytes(Csv.HeaderLine(columns.Select(c => c.Name)), body);
        await foreach (var row in rows.WithCancellation(ct))
        {
            buffered += Encoding.UTF8.GetBytes(Csv.Line(columns, row, options), body);
            if (buffered < 64 * 1024) continue;
            await body.FlushAsync(ct);
            buffered = 0;
        }
        await body.FlushAsync(ct);
    }
}
