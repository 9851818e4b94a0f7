namespace CxApi.Infrastructure.Entities;

/// <summary>What every ingested record carries: identity, the caller's own id and provenance.</summary>
public abstract class RecordEntity
{
    public required string Id { get; init; }
    /// <summary>
    /// The API client that owns the record: <c>partner:&lt;name&gt;</c> for a partner's keys, else
    /// <c>key:&lt;id&gt;</c>. <see cref="ExternalId"/> is unique within it; ingest keys see only their own.
    /// </summary>
    public string ClientId { get; init; } = "";
    /// <summary>The API key that wrote the record.</summary>
    public string? CreatedByKeyId { get; init; }
    public string? ExternalId { get; init; }
    public long ReceivedAtMicros { get; init; }
    /// <summary>Increases with every change; the record's ETag and optimistic-concurrency token.</summary>
    public int Version { get; set; } = 1;
    /// <summary>Position of the record's latest change in its resource's changes feed (see ChangeLog).</summary>
    public long ChangeSeq { get; set; }
}
