namespace CxApi.Infrastructure.Entities;

/// <summary>A watched metric and its condition, with the state its last claimed transition left it in.</summary>
public sealed class AlertRuleEntity
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    /// <summary>The metric's public name (<c>csat</c>, <c>interactions</c>, …).</summary>
    public required string Metric { get; init; }
    /// <summary>The figure of the metric body watched: <c>value</c>, <c>bayesianAverage</c>, <c>firstResponse.p90</c>, …</summary>
    public required string Field { get; set; }
    /// <summary>Dimension filters as JSON: <c>{ "channel": ["email"] }</c>.</summary>
    public string FiltersJson { get; set; } = "{}";
    /// <summary>The ISO 8601 duration as given (<c>P7D</c>) and its length.</summary>
    public required string Window { get; set; }
    public long WindowSeconds { get; set; }
    public double? Below { get; set; }
    public double? Above { get; set; }
    public double? DropBy { get; set; }
    public bool SignificantOnly { get; set; }
    public int MinResponses { get; set; }
    public bool Active { get; set; }
    public long CreatedAtMicros { get; init; }
    public long UpdatedAtMicros { get; set; }
    /// <summary>Whether the condition held at the last transition; changed only by a claimed transition.</summary>
    public bool Firing { get; set; }
    public long? StateChangedAtMicros { get; set; }
    /// <summary>Increases with every edit and transition: a transition is claimed by an UPDATE conditional on it.</summary>
    public int Version { get; set; }
}

/// <summary>A rule's condition became true (<c>alert.triggered</c>) or cleared (<c>alert.resolved</c>).</summary>
public sealed class AlertEventEntity
{
    public required string Id { get; init; }
    public required string RuleId { get; init; }
    public required string Type { get; init; }
    public long OccurredAtMicros { get; init; }
    public long WindowFromMicros { get; init; }
    public long WindowToMicros { get; init; }
    public double? Value { get; init; }
    public double? PreviousValue { get; init; }
    public long N { get; init; }
    public long? PreviousN { get; init; }
    public double? CiLow { get; init; }
    public double? CiHigh { get; init; }
    public double? Z { get; init; }
    public bool? Significant { get; init; }
    /// <summary>The rule as it was when the event happened (JSON of its public contract).</summary>
    public required string RuleJson { get; init; }
}

public sealed class WebhookEntity
{
    public required string Id { get; init; }
    public required string Url { get; init; }
    public List<string> Events { get; init; } = [];
    /// <summary>
    /// The signing secret (<c>whsec_</c> + base64 key) encrypted with Data Protection. Kept, unlike API keys, because
    /// every delivery is signed with it.
    /// </summary>
    public required string ProtectedSecret { get; init; }
    public long CreatedAtMicros { get; init; }
}

public enum DeliveryStatus { Pending, Delivered, Failed }

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

/// <summary>One HTTP attempt of a delivery: when, what came back (status or error) and how long it took.</summary>
public sealed class WebhookAttemptEntity
{
    public required string Id { get; init; }
    public required string DeliveryId { get; init; }
    public int Number { get; init; }
    public long AttemptedAtMicros { get; init; }
    public int? StatusCode { get; init; }
    public string? Error { get; init; }
    public long DurationMicros { get; init; }
}
