using CxApi.Common.Paging;

namespace CxApi.Features.Webhooks;

public sealed record WebhookListQuery(string? From, string? To, int? Limit, string? Cursor) : IListQuery;
