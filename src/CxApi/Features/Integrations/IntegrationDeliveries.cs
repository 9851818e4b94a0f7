using CxApi.Common;
using CxApi.Features.Audit;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Features.Integrations;

/// <summary>
/// Runs each vendor delivery at most once: in one transaction, the delivery is claimed (a row keyed by tool and delivery
/// id, inserted unless it is there) and its record written, so a replay finds the claim and changes nothing, and a
/// delivery that fails (a 400, a crash) leaves no claim behind and can be sent again.
/// </summary>
public sealed class IntegrationDeliveries(CxDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>What one delivery is: its tool, its id, what it is about and when it happened.</summary>
    public sealed record Delivery(string Tool, string Id, string Subject, DateTimeOffset OccurredAt);

    /// <summary>
    /// Claims <paramref name="delivery"/> and runs <paramref name="handle"/> in the same transaction; a delivery claimed
    /// before is a <see cref="IntegrationOutcome.Duplicate"/> naming the record it wrote. Nothing is kept when
    /// <paramref name="handle"/> answers errors.
    /// </summary>
    public async Task<IntegrationResult> OnceAsync(Delivery delivery, string resource, Func<Task<IntegrationResult>> handle, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = UnixMicros.From(clock.GetUtcNow());
        var claimed = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "IntegrationDeliveries" ("Tool", "DeliveryId", "Subject", "OccurredAtMicros", "ReceivedAtMicros")
            VALUES ({delivery.Tool}, {delivery.Id}, {delivery.Subject}, {UnixMicros.From(delivery.OccurredAt)}, {now}) ON CONFLICT DO NOTHING
            """, ct) == 1;
        if (!claimed)
        {
            var recordId = await Of(delivery).Select(d => d.RecordId).FirstOrDefaultAsync(ct);
            return IntegrationResult.Of(new IntegrationReceipt(IntegrationOutcome.Duplicate, recordId is null ? null : resource, recordId,
                $"Delivery '{delivery.Id}' was received before; nothing changed."));
        }

        var result = await handle();
        if (result.Errors is not null) return result; // rolled back with the claim
        if (result.Receipt!.Id is { } id) await Of(delivery).ExecuteUpdateAsync(u => u.SetProperty(d => d.RecordId, id), ct);
        if (result.Receipt is { Outcome: IntegrationOutcome.Created or IntegrationOutcome.Updated, Resource: { } kind })
        {
            audit.RecordDelivery(result.Receipt.Outcome == IntegrationOutcome.Created ? AuditAction.Created : AuditAction.Updated, kind, result.Receipt.Id,
                delivery.Tool, delivery.Id);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(CancellationToken.None);
        return result;
    }

    /// <summary>
    /// The newest time of another delivery about <paramref name="delivery"/>'s subject, or null when there is none: a
    /// delivery older than it must not overwrite what the newer one set.
    /// </summary>
    public async Task<DateTimeOffset?> NewestOtherAsync(Delivery delivery, CancellationToken ct)
    {
        var newest = await db.Set<IntegrationDeliveryEntity>().AsNoTracking()
            .Where(d => d.Tool == delivery.Tool && d.Subject == delivery.Subject && d.DeliveryId != delivery.Id)
            .MaxAsync(d => (long?)d.OccurredAtMicros, ct);
        return UnixMicros.ToDateTimeOffset(newest);
    }

    private IQueryable<IntegrationDeliveryEntity> Of(Delivery delivery) =>
        db.Set<IntegrationDeliveryEntity>().Where(d => d.Tool == delivery.Tool && d.DeliveryId == delivery.Id);
}
