using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using System.Collections.Concurrent;

namespace CxApi.Infrastructure.Ingest;

/// <summary>
/// SQLite: one INSERT per table, prepared once per write and stepped per row on the connection's own handle
/// (EF would build, prepare and bind by name a statement per row).
/// </summary>
public sealed class SqliteRecordRowWriter : IRecordRowWriter, IDisposable
{
    private readonly ConcurrentDictionary<string, string> _inserts = new();
    private readonly SemaphoreSlim _turn = new(1);

    /// <summary>
    /// One ingest transaction at a time, queued in process. SQLite has one writer anyway, and a writer that finds the
    /// lock taken polls for it with sleeps of up to 100 ms (its busy handler), often sleeping on after the lock is free.
    /// Queued here, the next writer starts the moment the last one ends (docs/performance.md measures the difference).
    /// </summary>
    public async ValueTask<IDisposable> TakeTurnAsync(CancellationToken ct)
    {
        await _turn.WaitAsync(ct);
        return new Turn(_turn);
    }

    /// <summary>Nothing to send ahead: the rows are bound and stepped in process, once SQLite's write lock is held anyway.</summary>
    public Task StageAsync(CxDbContext db, RecordTable table, CancellationToken ct) => Task.CompletedTask;

    public Task WriteAsync(CxDbContext db, RecordTable table, CancellationToken ct)
    {
        var sql = _inserts.GetOrAdd(table.Name, _ =>
            $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", table.Columns.Select(_ => "?"))})");
        SqliteStatements.Run(((SqliteConnection)db.Database.GetDbConnection()).Handle!, sql, table.Rows);
        return Task.CompletedTask;
    }

    public void Dispose() => _turn.Dispose();

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0) turn.Release();
        }
    }
}
