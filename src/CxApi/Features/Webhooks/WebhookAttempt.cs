namespace CxApi.Features.Webhooks;

public sealed record WebhookAttempt(int Attempt, DateTimeOffset At, int? StatusCode, string? Error, double DurationMs);
