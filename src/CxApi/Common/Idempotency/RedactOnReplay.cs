namespace CxApi.Common.Idempotency;

/// <summary>Endpoint metadata: this JSON property of the response is not kept for replays (secrets).</summary>
public sealed record RedactOnReplay(string Property);
