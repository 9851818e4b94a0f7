using CxApi.Common.Charts;
using Microsoft.Net.Http.Headers;
using System.Text;

namespace CxApi.Features.Charts;

/// <summary>
/// A chart as the response body. Its own <c>Content-Security-Policy</c> lets nothing load or run, should the SVG be
/// opened directly in a browser (it needs nothing: no script, no style sheet, no font, no image).
/// </summary>
public sealed class SvgResult(string svg) : IResult
{
    public const string Policy = "default-src 'none'; frame-ancestors 'none'";

    public string Svg => svg;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = SvgChart.MediaType + "; charset=utf-8";
        response.Headers[HeaderNames.ContentSecurityPolicy] = Policy;
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        await response.WriteAsync(svg, Encoding.UTF8, httpContext.RequestAborted);
    }
}
