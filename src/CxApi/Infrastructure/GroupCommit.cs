using System.Threading.Channels;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CxApi.Infrastructure;

public sealed class GroupCommitOptions
{
    public const string Section = "GroupCommit";
    public bool Enabled { get; set; } = true;
    /// <summary>The most single-record inserts one transaction takes.</summary>
    public int MaxBatch { get; set; } = 500;
}

/// <summary>
/// Group commit for single-record POSTs: concurrent inserts queue up and one writer stores whatever has
/// queued in one transaction (one fsync for many records), then answers each request. A request is
/// answered only after the transaction holding its record has committed. Requests already inside a
/// transaction (an Idempotency-Key's) write directly in it instead.
/// </summary>
public sealed class RecordWriter(IServiceScopeFactory scopes, IOptions<GroupCommitOptions> options, ILogger<RecordWriter> logger)
    : BackgroundService
{
    private readonly Channel<PendingInsert> _queue = Channel.CreateBounded<PendingInsert>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private sealed record PendingInsert(RecordEntity Record)
    {
        public TaskCompletionSource<InsertOutcome> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Inserts <paramref name="record"/>, or tells why it was not (a duplicate externalId, a reference deleted meanwhile).</summary>
    public async Task<InsertOutcome> InsertAsync(CxDbContext requestDb, RecordEntity record, CancellationToken ct)
    {
        if (!options.Value.Enabled || requestDb.Database.CurrentTransaction is not null) return await requestDb.InsertAsync(record, ct);
        var pending = new PendingInsert(record);
        await _queue.Writer.WriteAsync(pending, ct);
        // Once queued the insert may commit whatever the caller does, so its outcome is awaited to the end.
        return await pending.Result.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken)) await CommitQueuedAsync(CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _queue.Writer.TryComplete();
            while (reader.TryPeek(out _)) await CommitQueuedAsync(CancellationToken.None); // finish what was accepted
        }
    }

    private async Task CommitQueuedAsync(CancellationToken ct)
    {
        var batch = new List<PendingInsert>(Math.Min(options.Value.MaxBatch, _queue.Reader.Count + 1));
        while (batch.Count < options.Value.MaxBatch && _queue.Reader.TryRead(out var item)) batch.Add(item);
        if (batch.Count == 0) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var outcomes = await StoreAsync(scope.ServiceProvider.GetRequiredService<CxDbContext>(), batch.ConvertAll(i => i.Record), logger, ct);
            for (var i = 0; i < batch.Count; i++) batch[i].Result.TrySetFromTask(outcomes[i]);
        }
        catch (Exception e)
        {
            foreach (var item in batch) item.Result.TrySetException(e);
        }
    }

    /// <summary>
    /// Stores <paramref name="records"/> in one transaction, with their rollups. When a row fails (its interaction
    /// deleted meanwhile, a unique-index race with another instance), that transaction rolls back and each record
    /// is stored under its own savepoint, still in one transaction: a refused row fails only its own request. Each
    /// task is complete: the record's outcome, or the error of its own refusal.
    /// </summary>
    internal static async Task<IReadOnlyList<Task<InsertOutcome>>> StoreAsync(
        CxDbContext db, IReadOnlyList<RecordEntity> records, ILogger logger, CancellationToken ct)
    {
        try
        {
            return await StoreTogetherAsync(db, records, ct);
        }
        catch (Exception e) when (e is DbUpdateException || DbErrors.IsRefusedData(e)) // EF's report on its rows, or a raw SQLite statement's
        {
            logger.LogDebug(e, "A row of {Count} inserts failed; storing each under its own savepoint", records.Count);
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var outcomes = await RecordStore.InsertEachAsync(db, records, ct);
            await transaction.CommitAsync(ct);
            return outcomes;
        }
    }

    /// <summary>
    /// Stores every record whose externalId is new to its client (stored or earlier in the batch) in one
    /// transaction with its rollups; the others get the existing id.
    /// </summary>
    private static async Task<IReadOnlyList<Task<InsertOutcome>>> StoreTogetherAsync(
        CxDbContext db, IReadOnlyList<RecordEntity> records, CancellationToken ct)
    {
        var stored = new Dictionary<(Type, string Client, string External), string>();
        foreach (var group in records.Where(r => r.ExternalId is not null).GroupBy(r => r.GetType()))
        {
            var externalIds = group.Select(r => r.ExternalId!).Distinct().ToList();
            var clients = group.Select(r => r.ClientId).Distinct().ToList();
            var found = await RecordStore.TableOf(db, group.First()).AsNoTracking()
                .Where(r => clients.Contains(r.ClientId) && externalIds.Contains(r.ExternalId!)) // the (ClientId, ExternalId) index
                .Select(r => new { r.ClientId, r.ExternalId, r.Id })
                .ToListAsync(ct);
            foreach (var r in found) stored[(group.Key, r.ClientId, r.ExternalId!)] = r.Id;
        }

        var outcomes = new List<Task<InsertOutcome>>(records.Count);
        var fresh = new List<RecordEntity>(records.Count);
        foreach (var record in records)
        {
            var key = (record.GetType(), record.ClientId, record.ExternalId ?? "");
            if (record.ExternalId is not null && stored.TryGetValue(key, out var existing))
            {
                outcomes.Add(Task.FromResult<InsertOutcome>(new InsertOutcome.Duplicate(existing)));
                continue;
            }
            if (record.ExternalId is not null) stored[key] = record.Id;
            fresh.Add(record);
            outcomes.Add(Task.FromResult(InsertOutcome.Stored));
        }
        var prepared = RecordInserter.Prepare(db, fresh);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await RecordInserter.InsertAsync(db, prepared, ct);
        await transaction.CommitAsync(ct);
        return outcomes;
    }
}
