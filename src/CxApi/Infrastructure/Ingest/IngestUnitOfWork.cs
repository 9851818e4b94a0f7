using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Records;
using CxApi.Infrastructure.Rollups;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Infrastructure.Ingest;

/// <summary>
/// One write of new records, whoever sent them (a group commit of single POSTs, a batch, an idempotent request):
/// duplicates resolved (<see cref="ExternalIdConflicts"/>), then in one transaction (or, inside the caller's, under a
/// savepoint) the records numbered for the changes feed, their rows written through the provider's
/// <see cref="IRecordRowWriter"/>, the rows their insert causes (webhook outbox, through the context's
/// <see cref="RecordInsertInterceptor"/>) and their rollup deltas, summed in memory and applied set-based.
/// </summary>
public sealed class IngestUnitOfWork(IRecordRowWriter rows, ILogger<IngestUnitOfWork> logger)
{
    private const int Attempts = 4;

    /// <summary>
    /// Stores <paramref name="records"/>. Optimistic first: most writes repeat no stored externalId, and the unique
    /// index checks anyway; a conflict (a retried record, or a concurrent writer's) rolls the attempt back and the next
    /// one looks the stored externalIds up. Any other refused row makes each record be stored under its own savepoint,
    /// still in one transaction, so that a refused row fails alone (see <paramref name="scope"/>). Each task is
    /// complete: the record's outcome, or the error of its own refusal.
    /// </summary>
    public async Task<IReadOnlyList<Task<InsertOutcome>>> StoreAsync(
        CxDbContext db, IReadOnlyList<RecordEntity> records, RefusalScope scope, CancellationToken ct)
    {
        var conflicts = new ExternalIdConflicts();
        for (var attempt = 1; ; attempt++)
        {
            var outcomes = new InsertOutcome[records.Count];
            var fresh = conflicts.Resolve(records, outcomes);
            var write = Prepare(db, fresh);
            await db.Database.OpenConnectionAsync(ct); // one connection from staging to commit
            try
            {
                foreach (var table in write.Tables) await rows.StageAsync(db, table, ct);
                await InTransactionAsync(db, async () =>
                {
                    await WriteAsync(db, write, write.Deltas.Touched, ct);
                    return true;
                }, ct);
                return Array.ConvertAll(outcomes, Task.FromResult);
            }
            catch (Exception e) when (attempt < Attempts && DbErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
                conflicts = await ExternalIdConflicts.LookUpAsync(db, records, ct);
            }
            catch (Exception e) when (e is DbUpdateException || DbErrors.IsRefusedData(e)) // the outbox rows' SaveChanges, or the rows' writer
            {
                logger.LogDebug(e, "A row of {Count} inserts was refused; storing each under its own savepoint", records.Count);
                db.ChangeTracker.Clear();
                return await InTransactionAsync(db, () => StoreEachAsync(db, records, scope, ct), ct);
            }
            finally
            {
                rows.Release(db, write.Tables);
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>What storing some records writes: their rows and their rollup deltas.</summary>
    private sealed record PreparedWrite(IReadOnlyList<RecordTable> Tables, RollupDeltas Deltas);

    /// <summary>The rows and rollup deltas of <paramref name="records"/>, computed before any lock is taken.</summary>
    private static PreparedWrite Prepare(CxDbContext db, IReadOnlyList<RecordEntity> records)
    {
        var deltas = new RollupDeltas();
        foreach (var record in records) deltas.Add(record, +1);
        return new PreparedWrite(RecordTable.From(db, records), deltas);
    }

    /// <summary>
    /// The one step that stores new records and everything their insert causes: change numbers (resources locked in
    /// name order), rows, outbox rows and rollups — in the caller's open transaction. The figure counters of
    /// <paramref name="counters"/> are moved first (null: the caller moved them), before any row lock
    /// (<see cref="FigureVersions.BumpAsync"/>). A batch's rows were staged before the transaction began
    /// (<see cref="IRecordRowWriter.StageAsync"/>), so concurrent writers send and bind their rows at the same time
    /// instead of one after another behind the counters or SQLite's write lock.
    /// </summary>
    private async Task WriteAsync(CxDbContext db, PreparedWrite write, IEnumerable<(string Service, long Day)>? counters, CancellationToken ct)
    {
        if (write.Tables.Count == 0) return;
        if (counters is not null) await FigureVersions.BumpAsync(db, counters, ct);
        foreach (var table in write.Tables)
        {
            table.Number(await ChangeLog.ReserveAsync(db, table.Resource, table.Records.Count, ct));
            await rows.WriteAsync(db, table, ct);
        }
        RecordInsertInterceptor.Announce(db, write.Tables.SelectMany(t => t.Records));
        await db.SaveChangesAsync(ct);
        await RollupStore.ApplyAsync(db, write.Deltas, ct);
    }

    /// <summary>
    /// Stores each record under its own savepoint, in the caller's transaction: a refused row leaves nothing behind,
    /// and a duplicate <c>externalId</c> or a reference deleted meanwhile becomes its outcome.
    /// </summary>
    private async Task<IReadOnlyList<Task<InsertOutcome>>> StoreEachAsync(
        CxDbContext db, IReadOnlyList<RecordEntity> records, RefusalScope scope, CancellationToken ct)
    {
        const string OneRecord = "record";
        var transaction = db.Database.CurrentTransaction!;
        // The change counters of every record, before any row lock (see FigureVersions.BumpAsync).
        await FigureVersions.BumpAsync(db, records.SelectMany(r => FigureVersions.Of(RecordKinds.For(r), r)), ct);
        var conflicts = new ExternalIdConflicts();
        var outcomes = new List<Task<InsertOutcome>>(records.Count);
        foreach (var record in records)
        {
            if (conflicts.ExistingIdOf(record) is { } existing)
            {
                outcomes.Add(Task.FromResult<InsertOutcome>(new InsertOutcome.Duplicate(existing)));
                continue;
            }
            var write = Prepare(db, [record]);
            await transaction.CreateSavepointAsync(OneRecord, ct);
            try
            {
                await WriteAsync(db, write, counters: null, ct);
                await transaction.ReleaseSavepointAsync(OneRecord, ct);
                conflicts.Remember(record);
                outcomes.Add(Task.FromResult(InsertOutcome.Stored));
            }
            catch (Exception e) when (e is DbUpdateException || DbErrors.IsRefusedData(e))
            {
                await transaction.RollbackToSavepointAsync(OneRecord, CancellationToken.None);
                db.ChangeTracker.Clear();
                var outcome = await RefusalOutcomeAsync(db, record, e, ct);
                if (outcome is null && scope == RefusalScope.All) throw;
                outcomes.Add(outcome is null ? Task.FromException<InsertOutcome>(e) : Task.FromResult(outcome));
            }
        }
        return outcomes;
    }

    /// <summary>What a refusal means for the client: a duplicate of a stored record, a reference deleted meanwhile, or nothing of theirs (null).</summary>
    private static async Task<InsertOutcome?> RefusalOutcomeAsync(CxDbContext db, RecordEntity record, Exception e, CancellationToken ct)
    {
        if (DbErrors.IsUniqueViolation(e) && (await ExternalIdConflicts.LookUpAsync(db, [record], ct)).ExistingIdOf(record) is { } existing)
            return new InsertOutcome.Duplicate(existing);
        if (!DbErrors.IsForeignKeyViolation(e) || record is not ResponseEntity response) return null;
        if (response.InteractionId is { } interaction && !await db.Interactions.AnyAsync(i => i.Id == interaction, ct))
            return new InsertOutcome.MissingReference("interactionId", "interaction", interaction);
        if (!await db.Surveys.AnyAsync(s => s.Id == response.SurveyId, ct))
            return new InsertOutcome.MissingReference("surveyId", "survey", response.SurveyId);
        return null;
    }

    /// <summary>
    /// Runs <paramref name="write"/> in a transaction of its own, or inside the caller's (an idempotent request's) under
    /// a savepoint, so that a failed write leaves none of its rows behind. Once written, a client that hangs up does
    /// not cancel the commit halfway. A transaction of its own waits for its turn (<see cref="IRecordRowWriter.TakeTurnAsync"/>).
    /// </summary>
    private async Task<T> InTransactionAsync<T>(CxDbContext db, Func<Task<T>> write, CancellationToken ct)
    {
        const string Write = "ingest";
        if (db.Database.CurrentTransaction is { } ambient)
        {
            await ambient.CreateSavepointAsync(Write, ct);
            try
            {
                var result = await write();
                await ambient.ReleaseSavepointAsync(Write, ct);
                return result;
            }
            catch
            {
                await ambient.RollbackToSavepointAsync(Write, CancellationToken.None);
                throw;
            }
        }
        using var turn = await rows.TakeTurnAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var written = await write();
        await transaction.CommitAsync(CancellationToken.None);
        return written;
    }
}
