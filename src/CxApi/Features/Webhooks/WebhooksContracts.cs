using CxApi.Common.Paging;
using CxApi.Infrastructure.Entities;

namespace CxApi.Features.Webhooks;

/// <summary>The events a webhook can subscribe to.</summary>
public static class WebhookEvents
{
    public const string AlertTriggered = "alert.triggered";
    public const string AlertResolved = "alert.resolved";
    public const string ResponseCreated = "response.created";
    public const string ReviewCreated = "review.created";

    public static readonly IReadOnlyList<string> All = [AlertTriggered, AlertResolved, ResponseCreated, ReviewCreated];
}

public sealed record CreateWebhookRequest(string? Url, IReadOnlyList<string>? Events);

public sealed record Webhook(string Id, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt);

/// <summary>The new webhook with its signing <c>secret</c> (<c>whsec_…</c>): shown this once.</summary>
public sealed record CreatedWebhook(string Id, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt, string? Secret);

/// <summary>What every delivery's body is: <c>{ type, timestamp, data }</c> (Standard Webhooks).</summary>
public sealed record WebhookPayload(string Type, DateTimeOffset Timestamp, object Data);

public sealed record WebhookAttempt(int Attempt, DateTimeOffset At, int? StatusCode, string? Error, double DurationMs);

/// <summary>One event for one webhook: <c>pending</c> (still being tried), <c>delivered</c> or <c>failed</c> (retries exhausted).</summary>
public sealed record WebhookDelivery(
    string Id,
    string EventType,
    DeliveryStatus Status,
    int AttemptCount,
    int? LastStatusCode,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? NextAttemptAt,
    IReadOnlyList<WebhookAttempt> Attempts);

public sealed record WebhookListQuery(string? From, string? To, int? Limit, string? Cursor) : IListQuery;

public sealed record DeliveryListQuery(string[]? Status, string? From, string? To, int? Limit, string? Cursor) : IListQuery;
