namespace CxApi.Common.Http;

public static class ResponseHeadersSetup
{
    /// <summary>First in the pipeline, so that every response, errors included, gets <see cref="ResponseHeadersMiddleware"/>'s headers.</summary>
    public static WebApplication UseCxResponseHeaders(this WebApplication app)
    {
        app.UseMiddleware<ResponseHeadersMiddleware>();
        return app;
    }
}
