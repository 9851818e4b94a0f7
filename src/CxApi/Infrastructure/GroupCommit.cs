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
        public TaskCompletionSource<string?> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Inserts <paramref name="record"/>; returns null, or the id of the client's record with the same externalId.</summary>
    public async Task<string?> InsertAsync(CxDbContext requestDb, RecordEntity record, CancellationToken ct)
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
            var outcomes = await InsertTogetherAsync(scope.ServiceProvider.GetRequiredService<CxDbContext>(), batch, ct);
            foreach (var (item, existingId) in outcomes) item.Result.TrySetResult(existingId);
        }
        catch (Exception e) when (e is DbUpdateException || DbErrors.IsUniqueViolation(e))
        {
            // A record spoiled the batch (say, a unique-index race with another instance): store each on its
            // own, where a lost race becomes the duplicate it is and only a real failure fails.
            logger.LogDebug(e, "A batch of {Count} inserts failed; retrying them one by one", batch.Count);
            foreach (var item in batch) await InsertAloneAsync(item, ct);
        }
        catch (Exception e)
        {
            foreach (var item in batch) item.Result.TrySetException(e);
        }
    }

    private async Task InsertAloneAsync(PendingInsert item, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            item.Result.TrySetResult(await scope.ServiceProvider.GetRequiredService<CxDbContext>().InsertAsync(item.Record, ct));
        }
        catch (Exception e)
        {
            item.Result.TrySetException(e);
        }
    }

    /// <summary>
    /// Stores every record whose externalId is new to its client (stored or earlier in the batch) in one
    /// transaction with its rollups; the others get the existing id.
    /// </summary>
    private static async Task<List<(PendingInsert Item, string? ExistingId)>> InsertTogetherAsync(
        CxDbContext db, List<PendingInsert> batch, CancellationToken ct)
    {
        var stored = new Dictionary<(Type, string Client, string External), string>();
        foreach (var group in batch.Where(i => i.Record.ExternalId is not null).GroupBy(i => i.Record.GetType()))
        {
            var externalIds = group.Select(i => i.Record.ExternalId!).Distinct().ToList();
            var clients = group.Select(i => i.Record.ClientId).Distinct().ToList();
            var found = await RecordStore.TableOf(db, group.First().Record).AsNoTracking()
                .Where(r => clients.Contains(r.ClientId) && externalIds.Contains(r.ExternalId!)) // the (ClientId, ExternalId) index
                .Select(r => new { r.ClientId, r.ExternalId, r.Id })
                .ToListAsync(ct);
            foreach (var r in found) stored[(group.Key, r.ClientId, r.ExternalId!)] = r.Id;
        }

        var outcomes = new List<(PendingInsert, string?)>(batch.Count);
        var fresh = new List<RecordEntity>(batch.Count);
        foreach (var item in batch)
        {
            var record = item.Record;
            var key = (record.GetType(), record.ClientId, record.ExternalId ?? "");
            if (record.ExternalId is not null && stored.TryGetValue(key, out var existing))
            {
                outcomes.Add((item, existing));
                continue;
            }
            if (record.ExternalId is not null) stored[key] = record.Id;
            fresh.Add(record);
            outcomes.Add((item, null));
        }
        var prepared = RecordInserter.Prepare(db, fresh);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await RecordInserter.InsertAsync(db, prepared, ct);
        await transaction.CommitAsync(ct);
        return outcomes;
    }

}
