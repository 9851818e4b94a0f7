using CxApi.Common;

namespace CxApi.Infrastructure.Entities;

/// <summary>
/// One row of the audit trail: who (key, role, address) did what (action) to which thing (target), and how it ended.
/// Rows are only ever inserted, except the aggregated failures of the current minute, whose count rises
/// (see <see cref="Bucket"/>). Holds no secret and no customer's personal data.
/// </summary>
public sealed class AuditEventEntity
{
    public required string Id { get; init; }
    /// <summary>When it happened; for an aggregated row, the start of its minute.</summary>
    public long AtMicros { get; init; }
    public AuditAction Action { get; init; }
    /// <summary>The API key that acted; null for anonymous callers (vendors' webhooks, failed authentication).</summary>
    public string? ActorKeyId { get; init; }
    public ApiKeyRole? Role { get; init; }
    /// <summary>The client's address (behind a known proxy, the one it forwarded).</summary>
    public string? RemoteAddress { get; set; }
    public required string TargetKind { get; init; }
    public string? TargetId { get; init; }
    public AuditOutcome Outcome { get; init; }
    /// <summary>Why it failed, as a short code (<c>missing_key</c>, <c>unknown_key</c>, <c>revoked_key</c>, …); null otherwise.</summary>
    public string? Reason { get; init; }
    /// <summary>
    /// A refused API key's prefix (its first characters, as key listings show them), so failures of one key are counted
    /// apart from another's; null for other events, a request without a key, and once a minute already holds
    /// <see cref="Features.Audit.AuditTrail.MaxPrefixesPerMinute"/> prefixes.
    /// </summary>
    public string? KeyPrefix { get; init; }
    /// <summary>The integration a vendor's delivery came through (<c>pagerduty</c>, <c>github</c>, <c>typeform</c>).</summary>
    public string? Integration { get; init; }
    /// <summary>The vendor's id of that delivery.</summary>
    public string? DeliveryId { get; init; }
    /// <summary>How many times it happened: 1, or the failures an aggregated row counts.</summary>
    public int Count { get; set; } = 1;
    /// <summary>
    /// Aggregated rows only: action, minute and what they count failures of, unique, so that a failure of the same
    /// kind in the same minute raises the count of one row instead of adding another.
    /// </summary>
    public string? Bucket { get; init; }
}
