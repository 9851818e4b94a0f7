namespace CxApi.Common.Http;

/// <summary>
/// Headers every response carries, set just before it starts (so they hold for problems, 304s and what other
/// middleware wrote): <c>X-Content-Type-Options: nosniff</c>, <c>Referrer-Policy: no-referrer</c>;
/// <c>Cache-Control: no-store</c> under <see cref="NoStorePaths"/> (key material and who-did-what), and
/// <see cref="HtmlPolicy"/> on HTML that set no Content-Security-Policy of its own (Swagger UI's page).
/// </summary>
public sealed class ResponseHeadersMiddleware(RequestDelegate next)
{
    /// <summary>Paths whose answers no cache, browser or proxy, may keep.</summary>
    public static readonly string[] NoStorePaths = ["/v1/api-keys", "/v1/audit"];

    /// <summary>Swagger UI: its script and styles from this origin (it sets inline styles, and its logo is a data: URI).</summary>
    public const string HtmlPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            Apply((HttpContext)state);
            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (NoStorePaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            headers.CacheControl = "no-store";
        if (headers.ContentSecurityPolicy.Count == 0 && context.Response.ContentType is { } type
            && type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
            headers.ContentSecurityPolicy = HtmlPolicy;
    }
}
