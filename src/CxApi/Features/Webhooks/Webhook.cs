namespace CxApi.Features.Webhooks;

public sealed record Webhook(string Id, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt);
