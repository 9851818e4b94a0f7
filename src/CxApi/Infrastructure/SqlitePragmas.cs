using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Data.Common;

namespace CxApi.Infrastructure;

/// <summary>
/// Per-connection settings: wait for the write lock instead of failing with "database is locked",
/// fsync the WAL at every commit (nothing acknowledged is lost), enforce foreign keys, read the
/// file through read() calls into an 8 MB page cache per connection, not through a memory map, and keep temporary
/// tables in memory.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();
    // SQLite's own checkpoint after every commit that leaves the WAL over 1,000 pages keeps it near 4 MB
    // under continuous writes (a background checkpointer measured here never caught up: 200 MB in 13 s).
    // No memory map: each pooled connection mapped the file on its own, and the RSS counted every page once per
    // connection that touched it, so it grew with the database (1,305 MB at 1 M responses, against 294 MB without the
    // map, reads no slower; docs/performance.md, "No memory map"). Reads go through the OS page cache instead.
    // Each connection keeps 8 MB of page cache: at 32 MB (measured with the map) glibc's arenas held 40 MB more at peak
    // for no measured speed, and without the map the 1 M reads above were no slower with 8 MB.
    // Temporary tables (a batch's staged rows, SqliteRecordRowWriter) live in memory, not in a file.
    private const string Pragmas = "PRAGMA busy_timeout=30000; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; " +
                                   "PRAGMA mmap_size=0; PRAGMA cache_size=-8192; PRAGMA wal_autocheckpoint=1000; " +
                                   "PRAGMA temp_store=MEMORY;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // Connections are pooled: the settings stay on the native handle, so each handle is set up once.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Configured = [];

    private static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || Configured.TryGetValue(handle, out _)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Configured.AddOrUpdate(handle, handle);
    }
}
