namespace CxApi.Features.Webhooks;

/// <summary>Exponential backoff with "equal jitter": half the step is fixed, half random, so retries of many deliveries spread out.</summary>
public static class WebhookBackoff
{
    public static TimeSpan Delay(int failedAttempts, TimeSpan baseDelay, TimeSpan maxDelay, double random)
    {
        var step = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        var capped = Math.Min(step, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped / 2 + capped / 2 * random);
    }
}
