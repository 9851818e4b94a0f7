using CxApi.Infrastructure.Ingest;

namespace CxApi.Tests.Unit;

/// <summary>SQLite ingest transactions queue in process, one at a time (<see cref="SqliteRecordRowWriter.TakeTurnAsync"/>).</summary>
public sealed class SqliteWriteTurnTests
{
    [Fact]
    public async Task ASecondWriterWaitsUntilTheFirstTurnEnds()
    {
        using var writer = new SqliteRecordRowWriter();
        var first = await writer.TakeTurnAsync(CancellationToken.None);

        var second = writer.TakeTurnAsync(CancellationToken.None).AsTask();
        var third = writer.TakeTurnAsync(CancellationToken.None).AsTask();
        Assert.False(second.IsCompleted);

        first.Dispose();
        first.Dispose(); // ending a turn twice lets only one writer in
        (await second).Dispose();
        (await third).Dispose();
        using var fourth = await writer.TakeTurnAsync(CancellationToken.None);
        Assert.False(writer.TakeTurnAsync(CancellationToken.None).AsTask().IsCompleted);
    }

    [Fact]
    public async Task AWriterThatGivesUpLeavesTheQueue()
    {
        using var writer = new SqliteRecordRowWriter();
        var first = await writer.TakeTurnAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = writer.TakeTurnAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        first.Dispose();
        using var next = await writer.TakeTurnAsync(CancellationToken.None);
    }
}
