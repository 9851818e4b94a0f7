using CxApi.Common.Paging;
using CxApi.Infrastructure.Entities;

namespace CxApi.Features.Webhooks;

public sealed record CreateWebhookRequest(string? Url, IReadOnlyList<string>? Events);
