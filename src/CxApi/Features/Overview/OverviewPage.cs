using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace CxApi.Features.Overview;

/// <summary>
/// The overview page at <c>/</c>: static HTML, a style sheet and a script, embedded in the assembly (no build step, nothing
/// to deploy beside the binary), served with a strict Content-Security-Policy: scripts and styles from this origin only,
/// images also from <c>blob:</c> (the charts, fetched with the key), no framing. The page calls the API with the key the
/// user enters; the page itself needs none.
/// </summary>
public static class OverviewPage
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseCxOverviewPage(this WebApplication app)
    {
        var files = new EmbeddedFileProvider(typeof(OverviewPage).Assembly, "CxApi.Overview");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers[HeaderNames.ContentSecurityPolicy] = Policy;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers[HeaderNames.CacheControl] = "no-cache";
            },
        });
        return app;
    }
}
