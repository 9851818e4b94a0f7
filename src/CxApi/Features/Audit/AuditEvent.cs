using CxApi.Common;

namespace CxApi.Features.Audit;

/// <summary>
/// Who did what to which thing, and how it ended. <c>actorKeyId</c> and <c>role</c> are null for anonymous callers (a
/// vendor's webhook, a failed authentication); <c>count</c> is how many failures an aggregated row (one per minute,
/// action, target, reason and key prefix) stands for, else 1; <c>integration</c> and <c>deliveryId</c> name the vendor's delivery
/// that made a change.
/// </summary>
public sealed record AuditEvent(
    string Id,
    DateTimeOffset At,
    AuditAction Action,
    string? ActorKeyId,
    ApiKeyRole? Role,
    string? RemoteAddress,
    string TargetKind,
    string? TargetId,
    AuditOutcome Outcome,
    string? Reason,
    string? KeyPrefix,
    string? Integration,
    string? DeliveryId,
    int Count);
