// Load benchmark of the real CxApi server: seeds it through the batch endpoint, drives it with wrk and prints
// one markdown table. Progress goes to stderr, the table (with machine and command line) to stdout.
//
//   dotnet run -c Release --project tests/CxApi.Benchmarks -- [--small 100000] [--large 5000000] [--duration 15]
//       [--connections 64] [--skip-large] [--query-connections 1] [--batch-connections 4]
//       [--provider sqlite|postgres|both] [--postgres <connection string>]
//
// PostgreSQL runs need a server: --postgres, or the CX_BENCH_POSTGRES environment variable, holds a connection string
// whose user may create databases (each run creates its own database and drops it afterwards).
//
// Exit codes: 0 measured, 1 error, 2 wrk missing, 3 measured but some requests failed (see the notes under the table),
// 64 bad arguments, 130 cancelled.
using System.Runtime.InteropServices;
using CxApi.Benchmarks;

if (!Options.TryParse(args, out var options, out var usageError))
{
    if (usageError is not null) Console.Error.WriteLine(usageError);
    Console.Error.WriteLine(Options.Usage);
    return usageError is null ? 0 : 64;
}
if (!Wrk.IsInstalled())
{
    Console.Error.WriteLine("install wrk (apt-get install -y wrk)");
    return 2;
}

// Ctrl+C, kill and a closed terminal unwind normally, so that the server is stopped and the temp files are deleted;
// a second signal terminates at once.
using var cancel = new CancellationTokenSource();
void Stop(PosixSignalContext signal)
{
    if (cancel.IsCancellationRequested) return;
    signal.Cancel = true;
    Console.Error.WriteLine($"{signal.Signal}: stopping...");
    cancel.Cancel();
}
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var onHangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);

try
{
    var repoRoot = RepoRoot.Find();
    await Server.BuildAsync(repoRoot, cancel.Token);
    var benchmark = new Benchmark(repoRoot, options, cancel.Token);

    var results = new List<DatasetResult>();
    foreach (var provider in options.Providers) results.Add(await benchmark.RunAsync(provider, options.Small, withIngest: true));
    if (!options.SkipLarge)
        foreach (var provider in options.Providers) results.Add(await benchmark.RunAsync(provider, options.Large, withIngest: false));

    Console.Out.Write(await Report.MarkdownAsync(options, args, results, benchmark.Notes));
    return benchmark.Notes.Count == 0 ? 0 : 3;
}
catch (Exception) when (cancel.IsCancellationRequested) // whatever the signal interrupted
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
catch (Exception e)
{
    Console.Error.WriteLine($"Benchmark failed: {e.Message}");
    return 1;
}

namespace CxApi.Benchmarks
{
    public sealed record Options(
        int Small, int Large, int Duration, int Connections, bool SkipLarge, int QueryConnections, int BatchConnections,
        IReadOnlyList<Provider> Providers, string? PostgresConnection)
    {
        public const string PostgresVariable = "CX_BENCH_POSTGRES";

        public const string Usage =
            "usage: dotnet run -c Release --project tests/CxApi.Benchmarks -- [--small 100000] [--large 5000000] [--duration 15] " +
            "[--connections 64] [--skip-large] [--query-connections 1] [--batch-connections 4] " +
            $"[--provider sqlite|postgres|both] [--postgres <connection string> (default: ${PostgresVariable})]";

        /// <summary>Each wrk run is preceded by an unreported warm-up run of this many seconds (JIT, caches, connections).</summary>
        public int WarmupSeconds => Math.Clamp(Duration / 5, 1, 5);

        public static bool TryParse(string[] args, out Options options, out string? error)
        {
            var values = new Dictionary<string, int>
            {
                ["--small"] = 100_000, ["--large"] = 5_000_000, ["--duration"] = 15, ["--connections"] = 64,
                ["--query-connections"] = 1, ["--batch-connections"] = 4,
            };
            var skipLarge = false;
            IReadOnlyList<Provider> providers = [Provider.Sqlite];
            var postgres = Environment.GetEnvironmentVariable(PostgresVariable);
            options = null!;
            error = null;
            for (var i = 0; i < args.Length; i++)
            {
                if (args[i] == "--skip-large") skipLarge = true;
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
                values["--query-connections"], values["--batch-connections"], providers, postgres);
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

    public static class RepoRoot
    {
        /// <summary>The nearest folder holding CxApi.sln, above the current directory or else above this program.</summary>
        public static string Find()
        {
            foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                    if (File.Exists(Path.Combine(dir.FullName, "CxApi.sln"))) return dir.FullName;
            throw new InvalidOperationException("CxApi.sln not found above the current directory or the program's folder.");
        }
    }
}
