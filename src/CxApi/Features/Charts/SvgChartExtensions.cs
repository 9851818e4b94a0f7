using CxApi.Common.Charts;
using CxApi.Common.Formats;
using CxApi.Common.Validation;

namespace CxApi.Features.Charts;

public static class SvgChartExtensions
{
    /// <summary>
    /// The endpoint's 200 body of type <typeparamref name="TBody"/> is also served as an SVG chart, drawn by
    /// <paramref name="draw"/>, when the request says <c>format=svg</c>, or prefers <c>image/svg+xml</c> in its
    /// <c>Accept</c> and says no <c>format</c>. The handler takes a <typeparamref name="TQuery"/> (<c>[AsParameters]</c>).
    /// Caching is the JSON's: the ETag is a hash of the body, so the chart has its own and it changes with the figures.
    /// </summary>
    public static RouteHandlerBuilder WithSvgChart<TQuery, TBody>(this RouteHandlerBuilder builder, string description,
        Func<TBody, TQuery, HttpContext, CancellationToken, Task<Chart>> draw) where TQuery : IChartQuery =>
        builder.Validate<TQuery>().WithMetadata(new AlternateMediaType(SvgChart.MediaType, description)).AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var http = context.HttpContext;
            if (context.Arguments.OfType<TQuery>().FirstOrDefault() is not { } query || !Wants(http.Request, query)) return result;
            if ((result is INestedHttpResult nested ? nested.Result : result) is not IValueHttpResult { Value: TBody body }) return result;
            var chart = await draw(body, query, http, http.RequestAborted);
            return new SvgResult(SvgChart.ToText(SvgChart.Render(chart, ChartSize.Of(query.Width, query.Height))));
        });

    /// <summary><c>format=svg</c>; or no <c>format</c> and an <c>Accept</c> that prefers SVG to JSON.</summary>
    public static bool Wants(HttpRequest request, IChartQuery query) =>
        query.Format == ChartFormats.Svg || (query.Format is null && AcceptHeader.Prefers(request, SvgChart.MediaType));
}
