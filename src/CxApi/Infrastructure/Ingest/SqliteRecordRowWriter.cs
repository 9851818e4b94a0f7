using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using System.Collections.Concurrent;

namespace CxApi.Infrastructure.Ingest;

/// <summary>
/// SQLite: one INSERT per table, prepared once per write and stepped per row on the connection's own handle
/// (EF would build, prepare and bind by name a statement per row).
/// </summary>
public sealed class SqliteRecordRowWriter : IRecordRowWriter
{
    private readonly ConcurrentDictionary<string, string> _inserts = new();

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
}
