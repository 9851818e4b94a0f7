using CxApi.Common.Paging;

namespace CxApi.Features.Webhooks;

public sealed record DeliveryListQuery(string[]? Status, string? From, string? To, int? Limit, string? Cursor) : IListQuery;
