using CxApi.Common.Validation;

namespace CxApi.Common.Http;

/// <summary>
/// The routes a REST resource has, each named after its handler (the operationId) with a summary: create and list
/// at <c>/</c>, get, patch and delete at <c>/{id}</c> (a missing id is a 404 problem). Resource-specific metadata chains on.
/// </summary>
public static class ResourceRoutes
{
    public static RouteHandlerBuilder MapCreate<TRequest>(this IEndpointRouteBuilder group, Delegate handler, string summary) =>
        group.MapPost("/", handler).Validate<TRequest>().Named(handler, summary);

    public static RouteHandlerBuilder MapList<TQuery>(this IEndpointRouteBuilder group, Delegate handler, string summary) =>
        group.MapGet("/", handler).Validate<TQuery>().Named(handler, summary);

    public static RouteHandlerBuilder MapGetById(this IEndpointRouteBuilder group, Delegate handler, string summary) =>
        group.MapGet("/{id}", handler).ProducesProblem(StatusCodes.Status404NotFound).Named(handler, summary);

    /// <summary>A JSON Merge Patch of one resource.</summary>
    public static RouteHandlerBuilder MapPatchById<TRequest>(this IEndpointRouteBuilder group, Delegate handler, string summary) where TRequest : notnull =>
        group.MapPatch("/{id}", handler).Validate<TRequest>().ProducesProblem(StatusCodes.Status404NotFound)
            .Accepts<TRequest>("application/merge-patch+json", "application/json").Named(handler, summary);

    public static RouteHandlerBuilder MapDeleteById(this IEndpointRouteBuilder group, Delegate handler, string summary) =>
        group.MapDelete("/{id}", handler).ProducesProblem(StatusCodes.Status404NotFound).Named(handler, summary);

    /// <summary>The handler method's name as the operationId, and the summary.</summary>
    public static RouteHandlerBuilder Named(this RouteHandlerBuilder builder, Delegate handler, string summary) =>
        builder.WithName(handler.Method.Name).WithSummary(summary);
}
