using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace CxApi.Common.Http;

/// <summary>Endpoint metadata: the largest request body the endpoint accepts.</summary>
public sealed record BodySizeLimit(long Bytes)
{
    public const long Single = 256 * 1024;
    public const long Batch = 8 * 1024 * 1024;
}

/// <summary>
/// Reads bodies of up to the endpoint's limit into memory (256 KB unless it says otherwise) and answers
/// a larger one with a 413 problem before anything parses it; the same limit is given to Kestrel.
/// </summary>
public sealed class BodySizeLimitMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, IProblemDetailsService problems)
    {
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsDelete(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            await next(http);
            return;
        }

        var limit = http.GetEndpoint()?.Metadata.GetMetadata<BodySizeLimit>()?.Bytes ?? BodySizeLimit.Single;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrel) kestrel.MaxRequestBodySize = limit + 1;

        if (request.ContentLength > limit)
        {
            await TooLargeAsync(http, problems, limit);
            return;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                await TooLargeAsync(http, problems, limit);
                return;
            }
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        request.Body = buffer;
        await next(http);
    }

    private static async Task TooLargeAsync(HttpContext http, IProblemDetailsService problems, long limit)
    {
        http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Request body too large",
                Detail = $"This endpoint accepts bodies of at most {limit / 1024} KB; split the data into smaller requests or batches.",
            },
        });
    }
}
