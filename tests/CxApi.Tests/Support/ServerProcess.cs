using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CxApi.Tests.Support;

/// <summary>
/// The real server as its own OS process (Kestrel, not TestServer), for tests that kill it or run two.
/// It runs the CxApi.dll built next to the tests. A test that starts one takes seconds: it carries
/// <c>[Trait("Category", "Slow")]</c>, so that <c>dotnet test --filter "Category!=Slow"</c> stays a fast loop.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, int port)
    {
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri BaseAddress { get; }

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _log = new();

    /// <summary>What the server wrote (warnings and errors), for failure messages.</summary>
    public string Output => string.Join('\n', _log);

    private void Log(string? line)
    {
        if (line is null) return;
        _log.Enqueue(line);
        while (_log.Count > 20_000) _log.TryDequeue(out _); // room for the cause of a failure behind many expected refusals
    }

    public HttpClient Client(string? apiKey = CxApiFactory.AdminKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <param name="arguments">Command-line arguments before <c>--urls</c> (e.g. <c>--demo</c>).</param>
    public static async Task<ServerProcess> StartAsync(string databasePath, IDictionary<string, string>? settings = null, IEnumerable<string>? arguments = null)
    {
        var port = FreePort();
        var start = StartInfo(databasePath, settings, [.. arguments ?? [], "--urls", $"http://127.0.0.1:{port}"]);
        var process = Process.Start(start)!;
        var server = new ServerProcess(process, port);
        process.OutputDataReceived += (_, e) => server.Log(e.Data);
        process.ErrorDataReceived += (_, e) => server.Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = server.Client(apiKey: null);
        // Up to 90 s: a loaded CI machine starting a second instance on PostgreSQL has taken more than 30 s. Asked every
        // 50 ms, so that a start costs the tests no more than it takes.
        for (var attempt = 0; attempt < 1800; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException($"The server exited with {process.ExitCode}. It wrote:\n{server.Output}");
            try
            {
                if ((await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException) { }
            await Task.Delay(50);
        }
        await server.DisposeAsync();
        throw new TimeoutException($"The server did not become ready. It wrote:\n{server.Output}");
    }

    /// <summary>
    /// Runs the server with <paramref name="arguments"/> on a free port and waits for it to exit on its own (it must, within
    /// <paramref name="timeout"/>): its exit code and everything it wrote.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string databasePath, IEnumerable<string> arguments, TimeSpan timeout)
    {
        using var process = Process.Start(StartInfo(databasePath, null, ["--urls", $"http://127.0.0.1:{FreePort()}", .. arguments]))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The server still ran after {timeout}. It wrote:\n{await output}\n{await error}");
        }
        return (process.ExitCode, await output + await error);
    }

    private static ProcessStartInfo StartInfo(string databasePath, IDictionary<string, string>? settings, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet", ["CxApi.dll", .. arguments])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = TestDatabase.IsPostgres ? "Postgres" : "Sqlite";
        start.Environment["ConnectionStrings__Cx"] = TestDatabase.ConnectionString(databasePath);
        start.Environment["Auth__BootstrapAdminKey"] = CxApiFactory.AdminKey;
        start.Environment["RateLimit__PermitsPerSecond"] = "100000";
        start.Environment["RateLimit__Burst"] = "100000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        return start;
    }

    /// <summary>The server's resident set size (<c>VmRSS</c> in <c>/proc/&lt;pid&gt;/status</c>), in bytes; Linux only.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024; // "VmRSS:  123456 kB"
    }

    /// <summary>SIGKILL: no shutdown, no flush, no goodbye.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        await Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
