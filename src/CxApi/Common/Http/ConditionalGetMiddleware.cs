using Microsoft.Net.Http.Headers;
using System.Security.Cryptography;

namespace CxApi.Common.Http;

/// <summary>
/// Conditional GETs. The ETag is the handler's own when it set one (a record's version), otherwise a hash of
/// the body, so a metric's tag changes exactly when its figures do. Bodies of these endpoints are small
/// (one record, one metric report) and are buffered to be hashed; lists and exports are not cached this way.
/// </summary>
public sealed class ConditionalGetMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var caching = context.GetEndpoint()?.Metadata.GetMetadata<HttpCaching>();
        if (caching is null || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            await next(context);
            return;
        }

        var response = context.Response;
        var body = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body;
        }

        if (response.StatusCode == StatusCodes.Status200OK)
        {
            if (response.Headers.ETag.Count == 0)
                response.Headers.ETag = $"\"{Convert.ToBase64String(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)), 0, 18)}\"";
            response.Headers.CacheControl = caching.CacheControl;
            response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
            if (Matches(context.Request, response.Headers.ETag.ToString()))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.ContentType = null;
                return;
            }
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(body, context.RequestAborted);
    }

    /// <summary>Weak comparison, as RFC 9110 asks for <c>If-None-Match</c>.</summary>
    private static bool Matches(HttpRequest request, string etag) =>
        request.Headers.IfNoneMatch.Count > 0
        && EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
        && EntityTagHeaderValue.TryParse(etag, out var current)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
}
