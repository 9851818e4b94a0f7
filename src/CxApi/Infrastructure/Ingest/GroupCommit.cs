using CxApi.Infrastructure.Entities;
using Microsoft.Extensions.Options;
using System.Threading.Channels;

namespace CxApi.Infrastructure.Ingest;

/// <summary>
/// Group commit for single-record POSTs: concurrent inserts queue up and one writer stores whatever has queued as one
/// <see cref="IngestUnitOfWork"/> (one transaction, one fsync for many records), then answers each request. A request
/// is answered only after the transaction holding its record has committed, and a record the database refuses fails
/// only its own request.
/// </summary>
public sealed class GroupCommit(IServiceScopeFactory scopes, IngestUnitOfWork unitOfWork, IOptions<GroupCommitOptions> options)
    : BackgroundService
{
    private readonly Channel<PendingInsert> _queue = Channel.CreateBounded<PendingInsert>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private sealed record PendingInsert(RecordEntity Record)
    {
        public TaskCompletionSource<InsertOutcome> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Queues <paramref name="record"/> and returns its outcome once the transaction holding it has committed.</summary>
    public async Task<InsertOutcome> InsertAsync(RecordEntity record, CancellationToken ct)
    {
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
            while (await reader.WaitToReadAsync(stoppingToken)) await CommitQueuedAsync();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _queue.Writer.TryComplete();
            while (reader.TryPeek(out _)) await CommitQueuedAsync(); // finish what was accepted
        }
    }

    private async Task CommitQueuedAsync()
    {
        var batch = new List<PendingInsert>(Math.Min(options.Value.MaxBatch, _queue.Reader.Count + 1));
        while (batch.Count < options.Value.MaxBatch && _queue.Reader.TryRead(out var item)) batch.Add(item);
        if (batch.Count == 0) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CxDbContext>();
            var outcomes = await unitOfWork.StoreAsync(db, batch.ConvertAll(i => i.Record), RefusalScope.Record, CancellationToken.None);
            for (var i = 0; i < batch.Count; i++) batch[i].Result.TrySetFromTask(outcomes[i]);
        }
        catch (Exception e)
        {
            foreach (var item in batch) item.Result.TrySetException(e);
        }
    }
}
