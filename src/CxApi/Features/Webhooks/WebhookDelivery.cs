using CxApi.Infrastructure.Entities;

namespace CxApi.Features.Webhooks;

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
