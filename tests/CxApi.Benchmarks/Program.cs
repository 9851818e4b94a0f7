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
using CxApi.Benchmarks;
using System.Runtime.InteropServices;

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
