using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Infrastructure;

/// <summary>Writes shared by responses, interactions and reviews.</summary>
public static class RecordStore
{
    /// <summary>
    /// Inserts <paramref name="record"/> unless its client already has a record with the same
    /// <c>externalId</c>; returns that record's id in that case (also when a concurrent insert wins the race).
    /// </summary>
    public static async Task<string?> InsertAsync(this CxDbContext db, RecordEntity record, CancellationToken ct)
    {
        if (await FindByExternalIdAsync(db, record, ct) is { } existing) return existing;

        db.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException e) when (record.ExternalId is not null && DbErrors.IsUniqueViolation(e))
        {
            db.Entry(record).State = EntityState.Detached;
            return await FindByExternalIdAsync(db, record, ct) ?? throw new InvalidOperationException("Unique violation without a duplicate.", e);
        }
    }

    /// <summary>Deletes the record with <paramref name="id"/> among <paramref name="records"/>; false when there is none.</summary>
    public static async Task<bool> DeleteAsync<T>(this CxDbContext db, IQueryable<T> records, string id, CancellationToken ct) where T : RecordEntity
    {
        var record = await records.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null) return false;
        db.Remove(record);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static Task<string?> FindByExternalIdAsync(CxDbContext db, RecordEntity record, CancellationToken ct) =>
        record.ExternalId is not { } externalId
            ? Task.FromResult<string?>(null)
            : TableOf(db, record).AsNoTracking()
                .Where(r => r.ClientId == record.ClientId && r.ExternalId == externalId)
                .Select(r => r.Id)
                .FirstOrDefaultAsync(ct);

    /// <summary>The table of a record's own kind (records are looked up by their runtime type).</summary>
    public static IQueryable<RecordEntity> TableOf(CxDbContext db, RecordEntity record) => record switch
    {
        ResponseEntity => db.Responses,
        InteractionEntity => db.Interactions,
        ReviewEntity => db.Reviews,
        _ => throw new ArgumentException($"{record.GetType().Name} is not a record kind.", nameof(record)),
    };
}
