namespace CxApi.Infrastructure;

public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public string Provider { get; set; } = "Sqlite";

    /// <summary>SQLite: past this size the write-ahead log is checkpointed into the database and emptied (0: never).</summary>
    public int WalLimitMegabytes { get; set; } = 64;

    /// <summary>SQLite: how often the write-ahead log's size is looked at.</summary>
    public TimeSpan WalCheckInterval { get; set; } = TimeSpan.FromSeconds(1);
}
