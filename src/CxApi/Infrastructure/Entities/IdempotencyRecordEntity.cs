namespace CxApi.Infrastructure.Entities;

/// <summary>The first response to a POST with an <c>Idempotency-Key</c>, replayed for retries within its retention.</summary>
public sealed class IdempotencyRecordEntity
{
    public required string ApiKeyId { get; init; }
    public required string Key { get; init; }
    /// <summary>SHA-256 of method, path, query and body: a retry must send the same request.</summary>
    public required string RequestHash { get; init; }
    public IdempotencyState State { get; set; }
    /// <summary>While in flight, the instance running it: once that instance stops beating, a retry may take over.</summary>
    public string? OwnerInstanceId { get; set; }
    public long CreatedAtMicros { get; init; }
    public long ExpiresAtMicros { get; init; }
    public int? StatusCode { get; set; }
    public string? ResponseHeaders { get; set; }
    public byte[]? ResponseBody { get; set; }
}
