namespace CxApi.Tests.Support;

/// <summary>A test that needs PostgreSQL: skipped, saying so, when CX_TEST_POSTGRES is not set.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.IsPostgres) return;
        Skip = $"PostgreSQL not configured: set {TestDatabase.Variable} to a server's connection string to run the integration suite on PostgreSQL too.";
        // dotnet test lists skipped tests by name only, so the name carries the message.
        DisplayName = $"PostgreSQL was not configured ({TestDatabase.Variable} unset): the integration suite ran on SQLite only";
    }
}
