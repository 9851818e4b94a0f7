namespace CxApi.Features.Metrics;

/// <summary>A response joined to the interaction it rates, as the driver counts see it.</summary>
public sealed class LinkedResponse
{
    public int Score { get; init; }
    /// <summary>The interaction's customer; "" when it has none (stored ids are never blank).</summary>
    public string CustomerId { get; init; } = "";
    public long OpenedAtMicros { get; init; }
    public long? FirstResponseAtMicros { get; init; }
    public long? ResolvedAtMicros { get; init; }
    public bool Escalated { get; init; }
    /// <summary>The response's service, or the interaction's when the response names none.</summary>
    public string? Service { get; init; }
    public long RespondedAtMicros { get; init; }
}
