using CxApi.Common.Paging;
using CxApi.Infrastructure.Entities;

namespace CxApi.Features.Webhooks;

public sealed record WebhookListQuery(string? From, string? To, int? Limit, string? Cursor) : IListQuery;
