namespace CxApi.Features.Webhooks;

public sealed class WebhookOptions
{
    public const string Section = "Webhooks";
    /// <summary>Whether this instance delivers from the outbox (any instance may; each delivery is claimed by one).</summary>
    public bool DeliveryEnabled { get; set; } = true;
    /// <summary>How often the outbox is checked for due deliveries.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>The wait before the first retry; each further retry waits twice as long (up to <see cref="RetryMaxDelay"/>), with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);
    /// <summary>How long after the event a failing delivery is still retried before it is marked failed.</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromHours(24);
    /// <summary>How long one attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>How many attempts this instance runs at once, over all webhooks.</summary>
    public int MaxConcurrentAttempts { get; set; } = 32;
    /// <summary>How many of those one webhook may hold, so that a slow or hanging receiver leaves the other webhooks their slots.</summary>
    public int MaxConcurrentAttemptsPerWebhook { get; set; } = 4;
}
