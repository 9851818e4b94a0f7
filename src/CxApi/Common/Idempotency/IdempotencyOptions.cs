namespace CxApi.Common.Idempotency;

public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";
    /// <summary>How long a first response is kept for replays (at least 24 h).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);
}
