namespace CxApi.Benchmarks;

public sealed record Options(
    int Small, int Large, int Duration, int Connections, bool SkipLarge, int QueryConnections, int BatchConnections,
    IReadOnlyList<Provider> Providers, string? PostgresConnection, bool KeepDatabases = false)
{
    public const string PostgresVariable = "CX_BENCH_POSTGRES";

    public const string Usage =
        "usage: dotnet run -c Release --project tests/CxApi.Benchmarks -- [--small 100000] [--large 5000000] [--duration 15] " +
        "[--connections 64] [--skip-large] [--keep-databases] [--query-connections 1] [--batch-connections 4] " +
        $"[--provider sqlite|postgres|both] [--postgres <connection string> (default: ${PostgresVariable})]";

    /// <summary>Each wrk run is preceded by an unreported warm-up run of this many seconds (JIT, caches, connections).</summary>
    public int WarmupSeconds => Math.Clamp(Duration / 5, 1, 5);

    public static bool TryParse(string[] args, out Options options, out string? error)
    {
        var values = new Dictionary<string, int>
        {
            ["--small"] = 100_000,
            ["--large"] = 5_000_000,
            ["--duration"] = 15,
            ["--connections"] = 64,
            ["--query-connections"] = 1,
            ["--batch-connections"] = 4,
        };
        var (skipLarge, keep) = (false, false);
        IReadOnlyList<Provider> providers = [Provider.Sqlite];
        var postgres = Environment.GetEnvironmentVariable(PostgresVariable);
        options = null!;
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--skip-large") skipLarge = true;
            else if (args[i] == "--keep-databases") keep = true;
            else if (args[i] == "--provider" && i + 1 < args.Length && ProvidersNamed(args[i + 1]) is { } named)
            {
                providers = named;
                i++;
            }
            else if (args[i] == "--postgres" && i + 1 < args.Length) postgres = args[++i];
            else if (values.ContainsKey(args[i]) && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) && value > 0)
                values[args[i++]] = value;
            else
            {
                error = args[i] is "--help" or "-h" ? null : $"unexpected or invalid argument '{args[i]}'";
                return false;
            }
        }
        if (providers.Contains(Provider.Postgres) && string.IsNullOrWhiteSpace(postgres))
        {
            error = $"--provider postgres needs a connection string: --postgres '<connection string>' or ${PostgresVariable}";
            return false;
        }
        options = new Options(values["--small"], values["--large"], values["--duration"], values["--connections"], skipLarge,
            values["--query-connections"], values["--batch-connections"], providers, postgres, keep);
        return true;
    }

    private static IReadOnlyList<Provider>? ProvidersNamed(string name) => name.ToLowerInvariant() switch
    {
        "sqlite" => [Provider.Sqlite],
        "postgres" or "postgresql" => [Provider.Postgres],
        "both" => [Provider.Sqlite, Provider.Postgres],
        _ => null,
    };
}
