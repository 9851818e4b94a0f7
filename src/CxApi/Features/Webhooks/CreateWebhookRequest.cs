namespace CxApi.Features.Webhooks;

public sealed record CreateWebhookRequest(string? Url, IReadOnlyList<string>? Events);
