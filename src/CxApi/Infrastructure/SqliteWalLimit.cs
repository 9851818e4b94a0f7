using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CxApi.Infrastructure;

/// <summary>
/// Keeps SQLite's write-ahead log bounded. SQLite's own checkpoint after a large commit is passive: it copies what it can
/// without waiting, and the log only starts again from its beginning once a checkpoint has caught up. Under sustained
/// writes spread over the whole file (a partner back-filling a year of history) the writers outpace it, and the log
/// grew to 16.6 GB beside a 3.6 GB database in the benchmark's seeding. Every <see cref="DatabaseOptions.WalCheckInterval"/>
/// this job looks at the log's size; past <see cref="DatabaseOptions.WalLimitMegabytes"/> it runs a TRUNCATE checkpoint:
/// new writers wait (they do not fail) while it waits up to <see cref="ReaderWait"/> for readers on older snapshots,
/// copies the log into the database, and empties it.
/// </summary>
public sealed class SqliteWalLimit(string connectionString, IOptions<DatabaseOptions> options, TimeProvider clock, ILogger<SqliteWalLimit> logger)
    : BackgroundService
{
    /// <summary>How long a checkpoint waits for readers (and holds writers back) before it gives up until the next look.</summary>
    public static readonly TimeSpan ReaderWait = TimeSpan.FromSeconds(2);

    private readonly string _wal = new SqliteConnectionStringBuilder(connectionString).DataSource + "-wal";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.WalLimitMegabytes <= 0) return;
        using var timer = new PeriodicTimer(options.Value.WalCheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not checkpoint the SQLite write-ahead log {Wal}", _wal);
            }
        }
    }

    /// <summary>Checkpoints and empties the log when it is over the limit; returns whether it did.</summary>
    public async Task<bool> CheckAsync(CancellationToken ct)
    {
        var size = File.Exists(_wal) ? new FileInfo(_wal).Length : 0;
        if (size <= options.Value.WalLimitMegabytes * 1024L * 1024L) return false;

        // A connection of its own: the pooled ones keep their 30 s busy timeout.
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        await using (var wait = connection.CreateCommand())
        {
            wait.CommandText = $"PRAGMA busy_timeout={(int)ReaderWait.TotalMilliseconds}";
            await wait.ExecuteNonQueryAsync(ct);
        }
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var (busy, frames, copied) = (reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2));
        if (busy != 0)
        {
            logger.LogInformation("The SQLite write-ahead log is {Megabytes:N0} MB; readers kept it from being emptied ({Copied} of {Frames} frames copied)",
                size / 1024 / 1024, copied, frames);
            return false;
        }
        logger.LogInformation("Checkpointed and emptied the SQLite write-ahead log ({Megabytes:N0} MB)", size / 1024 / 1024);
        return true;
    }
}
