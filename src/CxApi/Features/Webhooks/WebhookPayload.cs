namespace CxApi.Features.Webhooks;

/// <summary>What every delivery's body is: <c>{ type, timestamp, data }</c> (Standard Webhooks).</summary>
public sealed record WebhookPayload(string Type, DateTimeOffset Timestamp, object Data);
