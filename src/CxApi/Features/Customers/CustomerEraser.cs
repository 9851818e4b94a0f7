using CxApi.Common;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Features.Customers;

/// <summary>
/// Erases one customer: deletes the customer's records in transactions of at most <see cref="BatchSize"/> records each,
/// through the same tracked delete as <c>DELETE /v1/responses/{id}</c> (so each batch moves the rollups by what it
/// removed and leaves a tombstone per record in the changes feed), takes the customer off every incident's
/// <c>customerIds</c> as a PATCH would (new version, <c>updatedAt</c>, change number), and then scrubs the copies of the
/// customer id that other tables keep (<see cref="CustomerCopies"/>). Running it again finds nothing and returns zeros.
/// </summary>
public sealed class CustomerEraser(CxDbContext db, TimeProvider clock)
{
    public const int BatchSize = 500;
    private const int ForeignKeyRetries = 3;

    public async Task<CustomerErasure> EraseAsync(string customerId, CancellationToken ct)
    {
        int responses = 0, interactions = 0;
        // The responses that rate the customer's interactions without naming the customer: their webhook payloads are
        // found by their own ids once they are gone.
        var unnamed = await CustomerRecords.Responses(db, customerId).Where(r => r.CustomerId == null || r.CustomerId != customerId)
            .Select(r => r.Id).ToListAsync(ct);
        // A response rating one of the customer's interactions is about the customer and goes with it (the interaction
        // cannot go while a response names it). One linked while the interactions are deleted fails that batch: again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                responses += await DeleteAllAsync(CustomerRecords.Responses(db, customerId), ct);
                interactions += await DeleteAllAsync(CustomerRecords.Interactions(db, customerId), ct);
                break;
            }
            catch (DbUpdateException e) when (DbErrors.IsForeignKeyViolation(e) && attempt < ForeignKeyRetries)
            {
                db.ChangeTracker.Clear();
            }
        }
        var reviews = await DeleteAllAsync(CustomerRecords.Reviews(db, customerId), ct);
        var incidents = await TakeOffIncidentsAsync(customerId, ct);
        await new CustomerCopies(db).ScrubAsync(customerId, unnamed, BatchSize, ct);
        return new CustomerErasure(responses, interactions, reviews, incidents);
    }

    /// <summary>Deletes every record of <paramref name="records"/>, a batch per transaction; returns how many it deleted.</summary>
    private async Task<int> DeleteAllAsync<T>(IQueryable<T> records, CancellationToken ct) where T : RecordEntity
    {
        var deleted = 0;
        while (true)
        {
            db.ChangeTracker.Clear();
            var batch = await records.OrderBy(r => r.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) return deleted;
            db.RemoveRange(batch);
            try
            {
                await db.SaveChangesAsync(ct);
                deleted += batch.Count;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Changed or deleted by another request since it was read; the batch rolled back: read it again.
            }
        }
    }

    private async Task<int> TakeOffIncidentsAsync(string customerId, CancellationToken ct)
    {
        var changed = 0;
        while (true)
        {
            db.ChangeTracker.Clear();
            var batch = await CustomerRecords.Incidents(db, customerId).OrderBy(i => i.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) return changed;
            var now = UnixMicros.From(clock.GetUtcNow());
            foreach (var incident in batch)
            {
                incident.CustomerIds = [.. incident.CustomerIds.Where(c => c != customerId)];
                incident.Version++;
                incident.UpdatedAtMicros = now;
            }
            try
            {
                await db.SaveChangesAsync(ct);
                changed += batch.Count;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Patched by another request since it was read: read the batch again.
            }
        }
    }
}
