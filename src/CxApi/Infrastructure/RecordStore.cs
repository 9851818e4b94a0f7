using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Infrastructure;

/// <summary>Deletes and lookups shared by responses, interactions and reviews (inserts: <see cref="Ingest.RecordIngest"/>).</summary>
public static class RecordStore
{
    /// <summary>Deletes the record with <paramref name="id"/> among <paramref name="records"/>; false when there is none.</summary>
    /// <summary>Deletes the record <paramref name="id"/> of <paramref name="records"/>; <paramref name="alongside"/> adds what commits with the delete (its audit event) before each attempt.</summary>
    public static async Task<bool> DeleteAsync<T>(this CxDbContext db, IQueryable<T> records, string id, CancellationToken ct, Action? alongside = null)
        where T : RecordEntity
    {
        var record = await records.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null) return false;
        db.Remove(record);
        alongside?.Invoke();
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Deleted by a concurrent request (it is gone: not found), or changed by one since it was read (its
            // version moved on): read it again and delete what is there now.
            db.ChangeTracker.Clear();
            return await DeleteAsync(db, records, id, ct, alongside);
        }
    }

    /// <summary>The table of a record's own kind (records are looked up by their runtime type).</summary>
    public static IQueryable<RecordEntity> TableOf(CxDbContext db, RecordEntity record) => RecordKinds.For(record).Records(db);
}
