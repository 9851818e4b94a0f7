namespace CxApi.Tests.Support;

/// <summary>A SQLite test that mounts a file system: it needs root, as CI has (skipped, saying so, otherwise).</summary>
public sealed class SqliteAsRootFactAttribute : FactAttribute
{
    public SqliteAsRootFactAttribute()
    {
        if (TestDatabase.IsPostgres) Skip = "SQLite-specific; it runs in the SQLite pass (without CX_TEST_POSTGRES).";
        else if (Environment.UserName != "root") Skip = "Mounting a small tmpfs needs root (CI runs as root).";
    }
}
