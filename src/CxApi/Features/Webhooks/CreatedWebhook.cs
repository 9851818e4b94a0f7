namespace CxApi.Features.Webhooks;

/// <summary>The new webhook with its signing <c>secret</c> (<c>whsec_…</c>): shown this once.</summary>
public sealed record CreatedWebhook(string Id, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt, string? Secret);
