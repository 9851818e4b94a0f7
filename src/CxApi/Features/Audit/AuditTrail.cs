using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using System.Globalization;

namespace CxApi.Features.Audit;

/// <summary>
/// Writes the audit trail of the current request: who (the API key and its role, the client's address) did what to
/// which thing. <see cref="Record"/> adds the event to the request's <see cref="CxDbContext"/>, so the action's own
/// <c>SaveChangesAsync</c> commits both or neither; <see cref="CountFailureAsync"/> counts a refused caller at once.
/// </summary>
public sealed class AuditTrail(CxDbContext db, IHttpContextAccessor http, TimeProvider clock, CustomerIdHasher customers)
{
    /// <summary>Adds an event for the current caller to the next save of the request's context (the action's own).</summary>
    /// <summary>How many refused key prefixes one minute keeps apart; the rest of that minute's count in one row without a prefix.</summary>
    public const int MaxPrefixesPerMinute = 50;

    public void Record(AuditAction action, string targetKind, string? targetId) => Add(action, targetKind, targetId, null, null);

    /// <summary>Adds an event for what a vendor's delivery (<paramref name="integration"/>, <paramref name="deliveryId"/>) created or changed.</summary>
    public void RecordDelivery(AuditAction action, string targetKind, string? targetId, string integration, string deliveryId) =>
        Add(action, targetKind, targetId, integration, deliveryId);

    /// <summary>The keyed one-way hash that names a customer in an event (<see cref="AuditTargets.Customer"/>) instead of the id.</summary>
    public Task<string> CustomerTargetAsync(string customerId, CancellationToken ct) => customers.HashAsync(customerId, ct);

    /// <summary>
    /// Runs <paramref name="write"/> and saves the events it recorded in one transaction (the caller's, when one is
    /// open): for writes that do not end in the context's own save (a set-based delete, the ingest path).
    /// </summary>
    public async Task<T> WithEventsAsync<T>(Func<Task<T>> write, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            var inCallers = await write();
            await db.SaveChangesAsync(ct);
            return inCallers;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await write();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(CancellationToken.None);
        return result;
    }

    /// <summary>
    /// Counts a refused caller: one row per action, minute, target and reason, whose <c>count</c> rises with each
    /// failure (an upsert, at once and outside any transaction), so a flood of failures adds a row a minute, not a row each.
    /// </summary>
    public async Task CountFailureAsync(AuditAction action, string targetKind, string? targetId, string reason, CancellationToken ct,
        string? keyPrefix = null)
    {
        var now = clock.GetUtcNow();
        var minute = UnixMicros.From(new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero));
        // Prefixes are whatever a caller sends: past the cap, a minute's further prefixes share the row without one.
        if (keyPrefix is not null && await db.Set<AuditEventEntity>().CountAsync(e =>
                e.AtMicros == minute && e.Action == action && e.KeyPrefix != null && e.KeyPrefix != keyPrefix, ct) >= MaxPrefixesPerMinute)
            keyPrefix = null;
        var actionText = EnumText<AuditAction>.ToText(action);
        var bucket = string.Join('|', actionText, minute.ToString(CultureInfo.InvariantCulture), targetKind, targetId ?? "", reason, keyPrefix ?? "");
        var failure = EnumText<AuditOutcome>.ToText(AuditOutcome.Failure);
        var address = RemoteAddress();
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "AuditEvents" ("Id", "AtMicros", "Action", "RemoteAddress", "TargetKind", "TargetId", "Outcome", "Reason", "KeyPrefix", "Count", "Bucket")
            VALUES ({Ids.New()}, {minute}, {actionText}, {address}, {targetKind}, {targetId}, {failure}, {reason}, {keyPrefix}, 1, {bucket})
            ON CONFLICT ("Bucket") DO UPDATE SET "Count" = "AuditEvents"."Count" + 1, "RemoteAddress" = excluded."RemoteAddress"
            """, ct);
    }

    private void Add(AuditAction action, string targetKind, string? targetId, string? integration, string? deliveryId)
    {
        var caller = http.HttpContext is { } context ? Caller.From(context.User) : null;
        db.Set<AuditEventEntity>().Add(new AuditEventEntity
        {
            Id = Ids.New(),
            AtMicros = UnixMicros.From(clock.GetUtcNow()),
            Action = action,
            ActorKeyId = caller?.KeyId,
            Role = caller?.Role,
            RemoteAddress = RemoteAddress(),
            TargetKind = targetKind,
            TargetId = targetId,
            Outcome = AuditOutcome.Success,
            Integration = integration,
            DeliveryId = deliveryId,
        });
    }

    /// <summary>The client's address as the forwarded-headers middleware left it (an IPv4 client as IPv4, not IPv6-mapped).</summary>
    private string? RemoteAddress() => http.HttpContext?.Connection.RemoteIpAddress is { } ip
        ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString()
        : null;
}
