namespace CxApi.Tests.Support;

/// <summary>A test about SQLite itself (its file, its journal): skipped in the PostgreSQL pass.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabase.IsPostgres) Skip = "SQLite-specific; it runs in the SQLite pass (without CX_TEST_POSTGRES).";
    }
}
