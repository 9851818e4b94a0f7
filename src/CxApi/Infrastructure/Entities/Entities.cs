using CxApi.Common;
using CxApi.Features.Metrics.Calculators;

namespace CxApi.Infrastructure.Entities;

// Times are Unix epoch microseconds, UTC (see UnixMicros). Entities stay behind the API: handlers map
// them to the contracts in each feature's Mappings.

public sealed class SurveyEntity
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public SurveyKind Kind { get; init; }
    public string? Question { get; set; }
    public Channel? Channel { get; init; }
    public string? Touchpoint { get; init; }
    public bool Active { get; set; }
    public long CreatedAtMicros { get; init; }
    public long UpdatedAtMicros { get; set; }
}

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

public sealed class ResponseEntity : RecordEntity
{
    public required string SurveyId { get; init; }
    public SurveyKind Kind { get; init; }
    public int? Score { get; init; }
    public int[]? Answers { get; init; }
    public double? SusScore { get; init; }
    public string? Comment { get; init; }
    public string? CustomerId { get; init; }
    public string? InteractionId { get; init; }
    public Channel? Channel { get; init; }
    public string? Product { get; init; }
    public string? Region { get; init; }
    public string? Service { get; init; }
    public List<string> Tags { get; init; } = [];
    public long RespondedAtMicros { get; init; }
}

public sealed class InteractionEntity : RecordEntity
{
    public string? CustomerId { get; init; }
    public Channel Channel { get; init; }
    public required string Type { get; init; }
    public long OpenedAtMicros { get; init; }
    public long? FirstResponseAtMicros { get; set; }
    public long? ResolvedAtMicros { get; set; }
    public InteractionStatus Status { get; set; }
    public int ContactCount { get; set; } = 1;
    public bool Escalated { get; set; }
    public string? Product { get; init; }
    public string? Region { get; init; }
    public string? Service { get; init; }
    public string? Team { get; set; }
    public List<string> Tags { get; set; } = [];
    public long UpdatedAtMicros { get; set; }
    /// <summary>Log-histogram bins of the first-response and resolution durations (see LogHistogram).</summary>
    public int? FirstResponseBin { get; private set; }
    public int? ResolutionBin { get; private set; }

    /// <summary>Keeps the duration bins in step with the times; call after any time changes.</summary>
    public void UpdateDurationBins()
    {
        FirstResponseBin = FirstResponseAtMicros is { } f ? LogHistogram.BinOf((f - OpenedAtMicros) / 1e6) : null;
        ResolutionBin = ResolvedAtMicros is { } r ? LogHistogram.BinOf((r - OpenedAtMicros) / 1e6) : null;
    }
}

public sealed class ReviewEntity : RecordEntity
{
    public required string Source { get; init; }
    public int Rating { get; init; }
    public string? Title { get; init; }
    public string? Body { get; init; }
    public string? Author { get; init; }
    public string? Product { get; init; }
    public string? Region { get; init; }
    public string? Service { get; init; }
    public string? Language { get; init; }
    public long PublishedAtMicros { get; init; }
    public string? CustomerId { get; init; }
}

public sealed class ApiKeyEntity
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public ApiKeyRole Role { get; init; }
    public string? Partner { get; init; }
    /// <summary>The first characters of the key, to recognise it in lists; the key itself is never stored.</summary>
    public required string Prefix { get; init; }
    /// <summary>SHA-256 of the whole key (hex). Keys carry ≥ 128 random bits, so a fast hash is safe.</summary>
    public required string Hash { get; init; }
    public long CreatedAtMicros { get; init; }
    public long? RevokedAtMicros { get; set; }
    public long? LastUsedAtMicros { get; set; }
}

public enum IdempotencyState { InFlight, Completed }

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

/// <summary>A running server process; its heartbeat tells other instances it is alive.</summary>
public sealed class InstanceEntity
{
    public required string Id { get; init; }
    public long StartedAtMicros { get; init; }
    public long HeartbeatAtMicros { get; set; }
}

/// <summary>The last change sequence number handed out per resource ("responses", "interactions", "reviews").</summary>
public sealed class ChangeCounterEntity
{
    public required string Resource { get; init; }
    public long Value { get; init; }
}

/// <summary>A deleted record, kept so that the changes feed can tell its readers.</summary>
public sealed class TombstoneEntity
{
    public required string Resource { get; init; }
    public long Seq { get; init; }
    public required string RecordId { get; init; }
    public string ClientId { get; init; } = "";
    public long DeletedAtMicros { get; init; }
}
