using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace CxApi.Benchmarks;

/// <summary>The one markdown table, with the machine and the command line above it and notes below.</summary>
public static class Report
{
    private const string None = "–";

    public static async Task<string> MarkdownAsync(Options options, string[] args, IReadOnlyList<DatasetResult> results, IReadOnlyList<string> notes)
    {
        var text = new StringBuilder();
        var databases = string.Join(" and ", options.Providers.Select(p => p == Provider.Sqlite
            ? "SQLite database in a temp folder"
            : "PostgreSQL database of its own (created per run, dropped after)"));
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {await MachineAsync()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Command: dotnet run -c Release --project tests/CxApi.Benchmarks{(args.Length > 0 ? " -- " + string.Join(' ', args) : "")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Settings: {await Wrk.VersionAsync()}, {Wrk.Threads} threads, runs of {options.Duration} s after a {options.WarmupSeconds} s warm-up " +
                        $"({options.Duration} s for single-record and batch ingest); " +
                        $"no warm-up for a metric query taking over {options.WarmupSeconds / (double)options.QueryConnections:0.###} s; " +
                        $"a run lasts 25 × one request's time (at most 300 s) when that is longer. Seeding: {Seeder.Senders} concurrent senders of " +
                        $"{Seeder.BatchSize:N0}-item batches. {databases}.");
        text.AppendLine();

        var c = options.Connections;
        var q = options.QueryConnections;
        var labels = results.Select(r => ColumnLabel(r.Provider, r.Size, options.Providers.Count > 1)).ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"| Measure | {string.Join(" | ", labels)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"|---|{string.Concat(results.Select(_ => "---:|"))}");

        void Row(string measure, Func<DatasetResult, string> cell) =>
            text.AppendLine(CultureInfo.InvariantCulture, $"| {measure} | {string.Join(" | ", results.Select(cell))} |");

        Row($"`GET /health/live` req/s ({c} conn)", d => d.Health is { } h ? Rate(h) : None);
        Row($"Single-record ingest `POST /v1/responses` req/s ({c} conn)", d => d.Ingest is { } i ? Rate(i) : None);
        Row("Single-record ingest p99 ms", d => d.Ingest is { } i ? Ms(i.P99Ms) : None);
        Row("Single-record ingest as % of `/health/live`", d => d is { Ingest: { } i, Health: { } h } && h.RequestsPerSec > 0
            ? $"{100 * i.RequestsPerSec / h.RequestsPerSec:0.#} %" : None);
        Row($"Batch ingest `POST /v1/responses/batch` items/s ({options.BatchConnections} conn, {Seeder.BatchSize:N0} items/request)",
            d => d.Batch is { } b ? Flag(b, (b.RequestsPerSec * Seeder.BatchSize).ToString("N0", CultureInfo.InvariantCulture) + SampleSize(b)) : None);
        Row("CPU per `/health/live` request, µs: server", d => d.Health is { Cpu: { } cpu } h ? Micros(cpu.ServerSeconds, h.Requests) : None);
        Row("CPU per single-record ingest request, µs: server / PostgreSQL", d => d.Ingest is { } i ? CpuPer(i, i.Requests) : None);
        Row("CPU per batch item, µs: server / PostgreSQL", d => d.Batch is { } b ? CpuPer(b, b.Requests * Seeder.BatchSize) : None);
        Row("Non-2xx responses during ingest (single / batch)", d => d is { Ingest: { } i, Batch: { } b } ? $"{i.Non2xx:N0} / {b.Non2xx:N0}" : None);
        Row($"NPS metric, 1 year: p50 / p99 ms ({q} conn)", d => Latency(d.Nps));
        Row("1-year weekly NPS trend (Europe/Berlin): p50 / p99 ms", d => Latency(d.TrendBerlin));
        Row("1-year weekly NPS trend (UTC): p50 / p99 ms", d => Latency(d.TrendUtc));
        if (!options.SkipLarge)
            Row($"Trend p50, {SizeLabel(options.Large)} ÷ {SizeLabel(options.Small)} (Europe/Berlin / UTC)", d =>
                d.Size == options.Large && results.FirstOrDefault(s => s.Provider == d.Provider && s.Size == options.Small) is { } small
                    ? $"{Ratio(d.TrendBerlin.P50Ms, small.TrendBerlin.P50Ms)} / {Ratio(d.TrendUtc.P50Ms, small.TrendUtc.P50Ms)}"
                    : None);
        var reads = results.SelectMany(r => r.OperationsReads.Select(o => (o.Route, o.Result.Name))).Distinct().ToList();
        WrkResult? Read(DatasetResult d, string route) => d.OperationsReads.FirstOrDefault(o => o.Route == route)?.Result;
        foreach (var (route, _) in reads)
            Row($"`{route}`: p50 / p99 ms, req/s ({q} conn)", d => Read(d, route) is { } o
                ? $"{Latency(o)}, {o.RequestsPerSec.ToString("N1", CultureInfo.InvariantCulture)}" : None);
        if (reads.Count > 0)
            Row($"IT-operations p50 ÷ NPS metric p50 ({string.Join(" / ", reads.Select(r => r.Name))})", d =>
                string.Join(" / ", reads.Select(r => Read(d, r.Route) is { } o ? Ratio(o.P50Ms, d.Nps.P50Ms) : None)));
        if (reads.Count > 0 && !options.SkipLarge)
            Row($"IT-operations p50, {SizeLabel(options.Large)} ÷ {SizeLabel(options.Small)} (same order)", d =>
                d.Size == options.Large && results.FirstOrDefault(s => s.Provider == d.Provider && s.Size == options.Small) is { } small
                    ? string.Join(" / ", reads.Select(r => Read(d, r.Route) is { } o && Read(small, r.Route) is { } x ? Ratio(o.P50Ms, x.P50Ms) : None))
                    : None);
        Row($"Seeding through the batch endpoint: items/s (time)", d => $"{d.Seed.ItemsPerSec:N0} ({d.Seed.Elapsed.TotalSeconds:N1} s)");
        Row($"Seeding {ServiceCatalogue.Services.Length} services' {OperationsSeeder.Deployments:N0} deployments and {OperationsSeeder.Incidents:N0} incidents (time)",
            d => $"{d.Operations.Elapsed.TotalSeconds:N1} s");
        Row("Peak RSS of the server (VmHWM), MB", d => d.PeakRssMb.ToString("N0", CultureInfo.InvariantCulture));

        if (notes.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Notes (⚠ marks a figure that includes failed requests):");
            foreach (var note in notes) text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        }
        return text.ToString();
    }

    /// <summary>A result column's heading: its size, and its database when the run compares them.</summary>
    public static string ColumnLabel(Provider provider, int size, bool withProvider = true) =>
        $"{SizeLabel(size)} responses" + (withProvider ? provider == Provider.Sqlite ? ", SQLite" : ", PostgreSQL" : "");

    public static string SizeLabel(int n) => n switch
    {
        >= 1_000_000 => $"{n / 1_000_000.0:0.##} M",
        >= 1_000 => $"{n / 1_000.0:0.##} k",
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Milliseconds with about three significant digits.</summary>
    public static string Ms(double ms) => double.IsNaN(ms) ? "n/a" : ms switch
    {
        < 10 => ms.ToString("0.00", CultureInfo.InvariantCulture),
        < 100 => ms.ToString("0.0", CultureInfo.InvariantCulture),
        _ => ms.ToString("N0", CultureInfo.InvariantCulture),
    };

    private static string Rate(WrkResult r) => Flag(r, r.RequestsPerSec.ToString("N0", CultureInfo.InvariantCulture));

    private static string Latency(WrkResult r) => Flag(r, $"{Ms(r.P50Ms)} / {Ms(r.P99Ms)}" + SampleSize(r));

    /// <summary>The number of requests behind a figure, when it is too small for a p99 (or a rate) to mean much.</summary>
    private static string SampleSize(WrkResult r) => r.Requests is > 0 and < 100 ? $" (n={r.Requests})" : "";

    private static string Flag(WrkResult r, string cell) => r.Clean ? cell : cell + " ⚠";

    /// <summary>The CPU time of a run divided among its <paramref name="units"/> (requests or items): server / PostgreSQL.</summary>
    private static string CpuPer(WrkResult r, long units) => r.Cpu is { } cpu && units > 0
        ? $"{Micros(cpu.ServerSeconds, units)} / {(cpu.PostgresSeconds is { } pg ? Micros(pg, units) : None)}"
        : None;

    /// <summary><paramref name="seconds"/> of CPU divided among <paramref name="units"/>, in microseconds.</summary>
    private static string Micros(double seconds, long units) =>
        units > 0 ? (seconds * 1e6 / units).ToString("N1", CultureInfo.InvariantCulture) : None;

    private static string Ratio(double a, double b) => b > 0 && !double.IsNaN(a) ? $"{a / b:0.0}×" : "n/a";

    private static async Task<string> MachineAsync()
    {
        string nproc;
        try { nproc = (await Processes.RunAsync("nproc", [], CancellationToken.None)).Output.Trim(); }
        catch (System.ComponentModel.Win32Exception) { nproc = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture); }
        var cpu = ProcField("/proc/cpuinfo", "model name") ?? "unknown CPU";
        var memory = ProcField("/proc/meminfo", "MemTotal") is { } kb && long.TryParse(kb.Replace("kB", "").Trim(), out var k)
            ? $", {k / 1024.0 / 1024:0.0} GB RAM" : "";
        return $"nproc {nproc}, {cpu}{memory}, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    }

    private static string? ProcField(string file, string name)
    {
        try
        {
            return File.ReadLines(file).Where(l => l.StartsWith(name, StringComparison.Ordinal))
                .Select(l => l[(l.IndexOf(':') + 1)..].Trim()).FirstOrDefault();
        }
        catch (IOException) { return null; }
    }
}
