using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CxApi.Infrastructure.Ingest;

/// <summary>
/// Adds, to a save, the rows that inserting records causes besides rollups (<see cref="IRecordInsertHook"/>: a
/// feature's outbox rows), so that they commit in the same transaction. The inserted records are those the change
/// tracker adds and those the ingest path wrote itself and <see cref="Announce"/>d just before saving.
/// </summary>
public sealed class RecordInsertInterceptor(IEnumerable<IRecordInsertHook> hooks) : SaveChangesInterceptor
{
    private readonly IRecordInsertHook[] _hooks = [.. hooks];

    /// <summary>Tells the next save of <paramref name="db"/> that <paramref name="records"/> were inserted outside its change tracker.</summary>
    public static void Announce(CxDbContext db, IEnumerable<RecordEntity> records) => db.InsertedOutsideTracker = [.. records];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not CxDbContext db) return result;
        var inserted = db.InsertedOutsideTracker ?? [];
        db.InsertedOutsideTracker = null;
        inserted.AddRange(db.ChangeTracker.Entries<RecordEntity>().Where(e => e.State == EntityState.Added).Select(e => e.Entity));
        if (inserted.Count == 0) return result;
        foreach (var hook in _hooks) await hook.TrackAsync(db, inserted, cancellationToken);
        return result;
    }
}
