using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using System.Text.Json;

namespace CxApi.Features.Changes;

/// <summary>Newline-delimited JSON: one object per line, each written as the API writes JSON.</summary>
public sealed class NdjsonResult(IReadOnlyList<object> lines) : IResult
{
    private static readonly ReadOnlyMemory<byte> NewLine = "\n"u8.ToArray();

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var response = httpContext.Response;
        response.ContentType = ChangesApi.Ndjson;
        foreach (var line in lines)
        {
            await JsonSerializer.SerializeAsync(response.Body, line, line.GetType(), options, httpContext.RequestAborted);
            await response.Body.WriteAsync(NewLine, httpContext.RequestAborted);
        }
        await response.Body.FlushAsync(httpContext.RequestAborted);
    }
}
