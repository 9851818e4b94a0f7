using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CxApi.Benchmarks;

/// <summary>
/// The real CxApi server (Release build) as a child process on a free loopback port, with its own database.
/// Disposing kills it (Program disposes it on errors and on SIGINT, SIGTERM and SIGHUP too).
/// </summary>
public sealed class Server : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lastLines = new();

    private Server(Process process, Uri baseUrl, Provider provider)
    {
        _process = process;
        BaseUrl = baseUrl;
        Provider = provider;
    }

    public Provider Provider { get; }

    public Uri BaseUrl { get; }

    public static string BinFolder(string repoRoot) => Path.Combine(repoRoot, "src", "CxApi", "bin", "Release", "net10.0");

    public static async Task BuildAsync(string repoRoot, CancellationToken ct)
    {
        var project = Path.Combine(repoRoot, "src", "CxApi");
        Console.Error.WriteLine($"Building {project} (Release)...");
        var (exitCode, output) = await Processes.RunAsync("dotnet", ["build", project, "-c", "Release", "-nologo", "-v", "q"], ct, repoRoot);
        if (exitCode != 0) throw new InvalidOperationException($"dotnet build of the server failed ({exitCode}):\n{output}");
    }

    public static async Task<Server> StartAsync(string repoRoot, BenchDatabase database, string adminKey, CancellationToken ct)
    {
        var bin = BinFolder(repoRoot);
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort()}");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = bin,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(bin, "CxApi.dll"), "--urls", baseUrl.ToString().TrimEnd('/') }) info.ArgumentList.Add(arg);
        foreach (var (name, value) in database.ServerEnvironment) info.Environment[name] = value;
        info.Environment["Auth__BootstrapAdminKey"] = adminKey;
        info.Environment["RateLimit__PermitsPerSecond"] = "10000000";
        info.Environment["RateLimit__Burst"] = "10000000";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the server.");
        var server = new Server(process, baseUrl, database.Provider);
        process.OutputDataReceived += (_, e) => server.Log(e.Data);
        process.ErrorDataReceived += (_, e) => server.Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Console.Error.WriteLine($"Started server pid {process.Id} at {baseUrl} ({database.Description})");

        try
        {
            await server.WaitUntilReadyAsync(ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Peak resident set size so far (VmHWM), in MB.</summary>
    public double PeakRssMb()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line["VmHWM:".Length..].Replace("kB", "").Trim(), CultureInfo.InvariantCulture) / 1024.0;
        throw new InvalidOperationException("No VmHWM in /proc/<pid>/status.");
    }

    /// <summary>
    /// Waits until the server's CPU use drops below 10 % of one core (over a 1 s sample), because requests
    /// that a finished wrk run abandoned may still be running and would slow down the next run. Gives up after 5 min.
    /// </summary>
    public async Task WaitUntilIdleAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var before = CpuSeconds();
        while (clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            var now = CpuSeconds();
            if (now - before < 0.1)
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(4))
                    Console.Error.WriteLine($"    (the server stayed busy for {clock.Elapsed.TotalSeconds:0} s after the run)");
                return;
            }
            before = now;
        }
        Console.Error.WriteLine("    (the server is still busy after 5 min; going on)");
    }

    /// <summary>The server process's CPU time so far, in seconds.</summary>
    public double CpuSeconds() => CpuTime.OfProcess(_process.Id);

    /// <summary>The CPU time so far of the server and, on PostgreSQL, of this machine's <c>postgres</c> processes.</summary>
    public CpuUse CpuSoFar() => new(CpuSeconds(), Provider == Provider.Postgres ? CpuTime.OfPostgres() : null);

    public async ValueTask DisposeAsync()
    {
        Kill(_process);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await _process.WaitForExitAsync(wait.Token); } catch (OperationCanceledException) { }
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (_process.HasExited)
                throw new InvalidOperationException($"The server exited with {_process.ExitCode} before it was ready:\n{string.Join('\n', _lastLines)}");
            try
            {
                using var response = await http.GetAsync("/health/ready", ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Console.Error.WriteLine($"Server ready after {clock.Elapsed.TotalSeconds:0.0} s");
                    return;
                }
            }
            catch (HttpRequestException) { } // not listening yet
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { } // slow start
            if (clock.Elapsed > ReadyTimeout)
                throw new TimeoutException($"GET /health/ready did not answer 200 within {ReadyTimeout.TotalSeconds:0} s:\n{string.Join('\n', _lastLines)}");
            await Task.Delay(200, ct);
        }
    }

    /// <summary>Forwards the server's own output (warnings and errors only) and keeps its last lines for error messages.</summary>
    private void Log(string? line)
    {
        if (line is null) return;
        Console.Error.WriteLine($"  [server] {line}");
        _lastLines.Enqueue(line);
        while (_lastLines.Count > 40) _lastLines.TryDequeue(out _);
    }

    private static void Kill(Process process)
    {
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { } // already gone
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }
}
