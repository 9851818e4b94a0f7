using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using System.Collections.Concurrent;

namespace CxApi.Infrastructure.Ingest;

/// <summary>
/// SQLite: rows are bound by position and stepped through a statement prepared once per write, on the connection's
/// own handle (EF would build, prepare and bind by name a statement per row). A batch's rows are bound into a table of
/// the connection's temporary database before the write's turn: that database is the connection's own, in memory, so
/// writing it takes no lock on the database file and runs beside other writers. In the turn, one
/// <c>INSERT ... SELECT</c> moves them into their table, numbered, without leaving SQLite (docs/performance.md,
/// "Staged rows on SQLite"). A group commit's few rows are written straight into their table.
/// </summary>
public sealed class SqliteRecordRowWriter : IRecordRowWriter, IDisposable
{
    private sealed record Statements(string Create, string Clear, string Stage, string InsertStaged, string Insert);

    private readonly ConcurrentDictionary<string, Statements> _statements = new();
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

    public Task StageAsync(CxDbContext db, RecordTable table, CancellationToken ct)
    {
        if (!table.Staged) return Task.CompletedTask;
        var statements = StatementsFor(table);
        var handle = Handle(db);
        // A transaction of the temporary database only (a deferred BEGIN locks only what it writes), unless the caller has one.
        var own = db.Database.CurrentTransaction is null;
        SqliteStatements.Run(handle, statements.Create, [[]]);
        if (own) SqliteStatements.Run(handle, "BEGIN", [[]]);
        try
        {
            SqliteStatements.Run(handle, statements.Clear, [[]]);
            table.Position();
            SqliteStatements.Run(handle, statements.Stage, table.Rows);
            if (own) SqliteStatements.Run(handle, "COMMIT", [[]]);
        }
        catch when (own)
        {
            SqliteStatements.Run(handle, "ROLLBACK", [[]]);
            throw;
        }
        return Task.CompletedTask;
    }

    public Task WriteAsync(CxDbContext db, RecordTable table, CancellationToken ct)
    {
        var statements = StatementsFor(table);
        if (table.Staged) SqliteStatements.Run(Handle(db), statements.InsertStaged, [[table.Records[0].ChangeSeq]]);
        else SqliteStatements.Run(Handle(db), statements.Insert, table.Rows);
        return Task.CompletedTask;
    }

    /// <summary>
    /// After a staged write, the connection hands its page cache back (<c>PRAGMA shrink_memory</c>). Concurrent batches
    /// each hold a connection from staging to commit, and each of those connections would otherwise keep up to 8 MB of
    /// the pages it wrote: the peak RSS rose by about 11 MB without this (docs/performance.md, "Staged rows on SQLite").
    /// </summary>
    public void Release(CxDbContext db, IReadOnlyList<RecordTable> tables)
    {
        if (tables.Any(t => t.Staged)) SqliteStatements.Run(Handle(db), "PRAGMA shrink_memory", [[]]);
    }

    private static SQLitePCL.sqlite3 Handle(CxDbContext db) => ((SqliteConnection)db.Database.GetDbConnection()).Handle!;

    private Statements StatementsFor(RecordTable table) => _statements.GetOrAdd(table.Name, name =>
    {
        var staged = $"temp.{table.StagingTable}";
        var columns = table.ColumnList;
        var parameters = string.Join(", ", table.Columns.Select(_ => "?"));
        return new Statements(
            // Untyped columns keep each value as it was bound; the insert into the table applies its column types.
            $"CREATE TEMPORARY TABLE IF NOT EXISTS {staged} ({columns})",
            $"DELETE FROM {staged}",
            $"INSERT INTO {staged} ({columns}) VALUES ({parameters})",
            $"INSERT INTO main.\"{name}\" ({columns}) SELECT {table.NumberedColumns("?1")} FROM {staged} ORDER BY rowid",
            $"INSERT INTO main.\"{name}\" ({columns}) VALUES ({parameters})");
    });

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
