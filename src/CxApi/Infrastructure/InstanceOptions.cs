namespace CxApi.Infrastructure;

public sealed class InstanceOptions
{
    public const string Section = "Instances";
    /// <summary>How often this process writes its heartbeat.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>How long without a heartbeat before other instances treat this one as gone (its claims free).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
