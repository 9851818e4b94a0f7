using CxApi.Common.Paging;
using CxApi.Infrastructure.Entities;

namespace CxApi.Features.Webhooks;

public sealed record Webhook(string Id, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt);
