namespace CxApi.Infrastructure;

public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public string Provider { get; set; } = "Sqlite";
}
