using CxApi.Infrastructure.Entities;

namespace CxApi.Infrastructure;

/// <summary>
/// What inserting records causes besides rollups (a feature's outbox rows), tracked on the inserting context
/// so that it commits in the same transaction. Registered in DI and run by <see cref="Ingest.RecordInsertInterceptor"/>;
/// it must answer "nothing to add" cheaply, because every insert asks.
/// </summary>
public interface IRecordInsertHook
{
    /// <summary>Tracks the rows that inserting <paramref name="records"/> causes on <paramref name="db"/>; false when there are none.</summary>
    ValueTask<bool> TrackAsync(CxDbContext db, IEnumerable<RecordEntity> records, CancellationToken ct);
}
