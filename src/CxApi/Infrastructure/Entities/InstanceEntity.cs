namespace CxApi.Infrastructure.Entities;

/// <summary>A running server process; its heartbeat tells other instances it is alive.</summary>
public sealed class InstanceEntity
{
    public required string Id { get; init; }
    public long StartedAtMicros { get; init; }
    public long HeartbeatAtMicros { get; set; }
}
