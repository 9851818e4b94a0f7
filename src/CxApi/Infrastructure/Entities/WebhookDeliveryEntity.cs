namespace CxApi.Infrastructure.Entities;

/// <summary>
/// The outbox: one event for one webhook, written in the transaction of the change that caused it and
/// delivered (and retried) by whichever instance claims its lease.
/// </summary>
public sealed class WebhookDeliveryEntity
{
    /// <summary>Also the <c>webhook-id</c> header: the same on every attempt, so receivers can drop repeats.</summary>
    public required string Id { get; init; }
    public required string WebhookId { get; init; }
    public required string EventType { get; init; }
    public required string Payload { get; init; }
    public long CreatedAtMicros { get; init; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public long NextAttemptAtMicros { get; set; }
    /// <summary>While an instance delivers, no other claims the row before this time.</summary>
    public long LockedUntilMicros { get; set; }
    public string? LeaseOwner { get; set; }
    public int? LastStatusCode { get; set; }
    public long? DeliveredAtMicros { get; set; }
}
