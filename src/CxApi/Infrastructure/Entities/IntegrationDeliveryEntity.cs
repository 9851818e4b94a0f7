namespace CxApi.Infrastructure.Entities;

/// <summary>
/// A vendor's delivery that an integration has taken (claimed before its record is written, in the same transaction),
/// so that a replay of it changes nothing; <see cref="Subject"/> and <see cref="OccurredAtMicros"/> order the deliveries
/// about one thing (a PagerDuty incident), so an older one arriving late does not undo a newer one.
/// </summary>
public sealed class IntegrationDeliveryEntity
{
    /// <summary><c>pagerduty</c>, <c>github</c> or <c>typeform</c>.</summary>
    public required string Tool { get; init; }
    /// <summary>The vendor's id of the delivery: PagerDuty's <c>event.id</c>, <c>X-GitHub-Delivery</c>, Typeform's <c>event_id</c>.</summary>
    public required string DeliveryId { get; init; }
    /// <summary>The vendor's id of what the delivery is about: the incident, the deployment, the response.</summary>
    public required string Subject { get; init; }
    /// <summary>When it happened, by the vendor's clock.</summary>
    public long OccurredAtMicros { get; init; }
    public long ReceivedAtMicros { get; init; }
    /// <summary>The record the delivery created or changed, once it is written; null when it mapped to nothing.</summary>
    public string? RecordId { get; set; }
}
