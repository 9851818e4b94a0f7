namespace CxApi.Features.Records;

/// <summary>The record routes, for what one kind adds to them.</summary>
public sealed record RecordRouteBuilders(
    RouteHandlerBuilder Create, RouteHandlerBuilder Batch, RouteHandlerBuilder List, RouteHandlerBuilder Get, RouteHandlerBuilder Delete);
