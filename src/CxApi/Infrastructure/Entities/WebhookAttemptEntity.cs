namespace CxApi.Infrastructure.Entities;

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
