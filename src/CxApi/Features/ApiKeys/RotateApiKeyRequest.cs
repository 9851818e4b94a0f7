namespace CxApi.Features.ApiKeys;

/// <summary>
/// <c>gracePeriod</c>: how long the replaced secret keeps working beside the new one, an ISO 8601 duration
/// (<c>PT24H</c>, the default; at most <c>P7D</c>).
/// </summary>
public sealed record RotateApiKeyRequest(string? GracePeriod = null);
