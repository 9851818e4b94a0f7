using CxApi.Common.Auth;
using CxApi.Common.Validation;

namespace CxApi.Common.Http;

/// <summary>The routes that compute figures from the data: the read role, revalidated caching (ETag), and a 400 for a query parameter they do not take.</summary>
public static class ReadRoutes
{
    public static RouteGroupBuilder MapFigures(this IEndpointRouteBuilder app, string prefix) =>
        app.MapGroup(prefix).RequireAuthorization(Policies.Read).WithMetadata(HttpCaching.Revalidate).RejectUnknownQueryParameters();
}
