using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;

namespace CxApi.Benchmarks;

/// <summary>One server run per dataset size: start, seed, measure, read peak RSS, stop, delete the database.</summary>
public sealed class Benchmark(string repoRoot, Options options, CancellationToken ct)
{
    /// <summary>Anything that makes a figure doubtful (failed requests, wrong counts); printed under the table.</summary>
    public List<string> Notes { get; } = [];

    public async Task<DatasetResult> RunAsync(Provider provider, int size, bool withIngest)
    {
        Console.Error.WriteLine($"=== {size:N0} responses, {provider} ===");
        await using var database = BenchDatabase.Create(provider, options);
        var key = "bench-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await using var server = await Server.StartAsync(repoRoot, database, key, ct);
        using var http = Seeder.Client(server.BaseUrl, key);
        var surveyId = await Seeder.CreateSurveyAsync(http, ct);
        await ServiceCatalogue.CreateAsync(http, ct);
        var seed = await Seeder.SeedAsync(http, surveyId, size, ct);
        var operationsSeed = await OperationsSeeder.SeedAsync(http, size, ct);
        var label = Report.ColumnLabel(provider, size);

        // Queries first, while the database holds exactly the seeded responses.
        var nps = $"/v1/metrics/nps?surveyId={surveyId}&from=2025-11-01T00:00:00Z&to=2026-11-01T00:00:00Z";
        var trend = $"/v1/metrics/nps/trend?surveyId={surveyId}&interval=week";
        var berlin = $"{trend}&tz=Europe/Berlin&from=2025-11-03T00:00:00%2B01:00&to=2026-11-02T00:00:00%2B01:00";
        var utc = $"{trend}&tz=UTC&from=2025-11-03T00:00:00Z&to=2026-11-02T00:00:00Z";
        var npsTime = await CheckAsync(http, label, "NPS", nps, body =>
            body.GetProperty("responses").GetInt64() == size ? null : $"reports {body.GetProperty("responses")} responses, not {size}");
        var berlinTime = await CheckAsync(http, label, "trend Europe/Berlin", berlin, WeeklyPoints);
        var utcTime = await CheckAsync(http, label, "trend UTC", utc, WeeklyPoints);
        await server.WaitUntilIdleAsync(ct);

        var auth = new Dictionary<string, string> { ["X-Api-Key"] = key };
        var q = options.QueryConnections;
        var npsResult = await MeasureAsync(label, "NPS metric", server, nps, q, auth, QuerySeconds(npsTime), Warmup(npsTime));
        var berlinResult = await MeasureAsync(label, "weekly trend Europe/Berlin", server, berlin, q, auth, QuerySeconds(berlinTime), Warmup(berlinTime));
        var utcResult = await MeasureAsync(label, "weekly trend UTC", server, utc, q, auth, QuerySeconds(utcTime), Warmup(utcTime));
        var operations = new List<OperationsRead>();
        foreach (var endpoint in OperationsEndpoints.For(operationsSeed))
            operations.Add(new OperationsRead(endpoint.Route, await MeasureEndpointAsync(http, server, label, endpoint, auth)));

        WrkResult? health = null, ingest = null, batch = null;
        if (withIngest)
        {
            var c = options.Connections;
            var post = new Dictionary<string, string> { ["Content-Type"] = "application/json", ["X-Api-Key"] = key };
            health = await MeasureAsync(label, "/health/live", server, "/health/live", c, new Dictionary<string, string>(), options.Duration, options.WarmupSeconds);
            // Ingest runs get a warm-up as long as the run: under load the ingest path's many methods reach their
            // optimised (tier-1) code only after several seconds on two busy cores, and a server runs warm in production.
            ingest = await MeasureAsync(label, "single-record ingest", server, "/v1/responses", c, post, options.Duration, options.Duration,
                "ingest.lua", surveyId);
            // Seeding sent history; live batches take other paths (today's rollup rows), so they are warmed like single ingest.
            batch = await MeasureAsync(label, "batch ingest", server, "/v1/responses/batch", options.BatchConnections, post,
                RunSeconds(Seeder.BatchSize / seed.ItemsPerSec), options.Duration,
                "batch.lua", surveyId, Seeder.BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var rss = server.PeakRssMb();
        Console.Error.WriteLine($"  peak RSS {rss:N0} MB");
        return new DatasetResult(provider, size, seed, npsResult, berlinResult, utcResult, health, ingest, batch, rss, operationsSeed, operations);
    }

    /// <summary>
    /// Checks an endpoint's first path, then measures it at the query connections; an endpoint of many paths (one per
    /// incident or deployment) gets them in turn from <c>paths.lua</c>.
    /// </summary>
    private async Task<WrkResult> MeasureEndpointAsync(HttpClient http, Server server, string label, OperationsEndpoint endpoint,
        IReadOnlyDictionary<string, string> auth)
    {
        var single = await CheckAsync(http, label, endpoint.Name, endpoint.Paths[0], endpoint.Check);
        await server.WaitUntilIdleAsync(ct);
        if (endpoint.Paths.Count == 1)
            return await MeasureAsync(label, endpoint.Name, server, endpoint.Paths[0], options.QueryConnections, auth, QuerySeconds(single), Warmup(single));
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllLinesAsync(file, endpoint.Paths, ct);
            return await MeasureAsync(label, endpoint.Name, server, "/", options.QueryConnections, auth, QuerySeconds(single), Warmup(single),
                "paths.lua", file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// A run lasts at least --duration, and longer (up to 5 min) when a request takes so long that the run would
    /// complete too few of them: wrk only counts requests that finish within the run.
    /// </summary>
    private int RunSeconds(double secondsPerRequest) =>
        (int)Math.Clamp(Math.Ceiling(25 * secondsPerRequest), options.Duration, Math.Max(options.Duration, 300));

    private int QuerySeconds(TimeSpan single) => RunSeconds(single.TotalSeconds);

    /// <summary>
    /// A wrk warm-up only helps queries of which it can complete a few rounds; slower ones were warmed by the two
    /// checked requests, and a warm-up would only leave abandoned requests behind.
    /// </summary>
    private int Warmup(TimeSpan single) => single.TotalSeconds * options.QueryConnections < options.WarmupSeconds ? options.WarmupSeconds : 0;

    /// <summary>A warm-up run of <paramref name="warmupSeconds"/> (0: none), then the measured wrk run, each followed by a pause until the server is idle; failures become notes.</summary>
    private async Task<WrkResult> MeasureAsync(
        string label, string name, Server server, string path, int connections, IReadOnlyDictionary<string, string> headers,
        int seconds, int warmupSeconds, string? script = null, params string[] scriptArgs)
    {
        var url = new Uri(server.BaseUrl, path).ToString();
        Console.Error.WriteLine($"  wrk {name}: {(warmupSeconds > 0 ? $"{warmupSeconds} s warm-up, then " : "")}{seconds} s at {connections} connections");
        // Each run gets its own tag, so that the externalIds a script generates are never reused.
        string[] Args(string tag) => script is null ? [] : [Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)) + tag, .. scriptArgs];
        if (warmupSeconds > 0)
        {
            await Wrk.RunAsync(name, url, connections, warmupSeconds, headers, script, Args("w"), ct);
            await server.WaitUntilIdleAsync(ct);
        }
        var cpu = server.CpuSoFar();
        var result = await Wrk.RunAsync(name, url, connections, seconds, headers, script, Args("m"), ct);
        result = result with { Cpu = server.CpuSoFar().Since(cpu) };
        Console.Error.WriteLine($"    {result.Requests:N0} requests, {result.RequestsPerSec:N1} req/s, p50 {Report.Ms(result.P50Ms)} ms, " +
                                $"p99 {Report.Ms(result.P99Ms)} ms" + (result.Clean ? "" : $" — {result.Problems}"));
        await server.WaitUntilIdleAsync(ct);

        if (!result.Clean)
            Notes.Add($"{label}, {name}: {result.Problems}" + (result.FirstFailure is { } f ? $"; first: {f}" : ""));
        return result;
    }

    /// <summary>
    /// Two requests before the load: the first must be a 200 whose body passes <paramref name="check"/> (null = fine);
    /// the second, warm one's time is returned.
    /// </summary>
    private async Task<TimeSpan> CheckAsync(HttpClient http, string label, string name, string path, Func<JsonElement, string?> check)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < 2; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(path, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            times.Add(clock.Elapsed);
            if (i > 0) continue;
            var problem = response.IsSuccessStatusCode ? check(JsonDocument.Parse(body).RootElement) : $"answered {(int)response.StatusCode}: {body}";
            if (problem is not null) Notes.Add($"{label}, {name} (GET {path}): {problem}");
        }
        Console.Error.WriteLine($"  {name}: first request {times[0].TotalMilliseconds:N0} ms, second {times[1].TotalMilliseconds:N0} ms");
        return times[1];
    }

    /// <summary>[2025-11-03, 2026-11-02) is exactly 52 weeks, Monday to Monday, in both zones.</summary>
    private static string? WeeklyPoints(JsonElement body) =>
        body.GetProperty("points").GetArrayLength() is var n && n == 52 ? null : $"has {n} points, not 52";
}
