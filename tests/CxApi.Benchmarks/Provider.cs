namespace CxApi.Benchmarks;

/// <summary>The database the measured server runs on.</summary>
public enum Provider
{
    Sqlite,
    Postgres,
}
