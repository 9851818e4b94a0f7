using System.Globalization;
using System.Text.RegularExpressions;

namespace CxApi.Benchmarks;

/// <summary>Runs wrk (with <c>--latency</c>) and parses its report.</summary>
public static partial class Wrk
{
    public const int Threads = 2;

    public static bool IsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, "wrk")));

    public static async Task<string> VersionAsync()
    {
        // "wrk -v" prints its version line and exits with 1.
        var (_, output) = await Processes.RunAsync("wrk", ["-v"], CancellationToken.None);
        var line = output.Split('\n')[0];
        return line[..(line.IndexOf(" Copyright", StringComparison.Ordinal) is >= 0 and var end ? end : line.Length)].Trim();
    }

    /// <param name="script">A Lua file under lua/ next to this program, or null for a plain GET.</param>
    /// <param name="scriptArgs">Arguments handed to the script's <c>init(args)</c>.</param>
    public static async Task<WrkResult> RunAsync(
        string name, string url, int connections, int seconds, IReadOnlyDictionary<string, string> headers,
        string? script, IReadOnlyList<string> scriptArgs, CancellationToken ct)
    {
        var args = new List<string>
        {
            "-t", Math.Min(Threads, connections).ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{seconds}s",
            "--timeout", $"{seconds + 60}s", // slow requests are measured, never dropped as timeouts
            "--latency",
        };
        foreach (var (header, value) in headers) args.AddRange(["-H", $"{header}: {value}"]);
        if (script is not null) args.AddRange(["-s", Path.Combine(AppContext.BaseDirectory, "lua", script)]);
        args.Add(url);
        if (scriptArgs.Count > 0) args.Add("--");
        args.AddRange(scriptArgs);

        var (exitCode, output) = await Processes.RunAsync("wrk", args, ct);
        if (exitCode != 0) throw new InvalidOperationException($"wrk exited with {exitCode} for {name}:\n{output}");
        return Parse(name, output, script is not null);
    }

    public static WrkResult Parse(string name, string output, bool scriptCountsNon2xx)
    {
        var requests = RequestsLine().Match(output) is { Success: true } r ? long.Parse(r.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var rps = RequestsPerSecLine().Match(output) is { Success: true } s ? double.Parse(s.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socketErrors = SocketErrorsLine().Match(output) is { Success: true } e
            ? Enumerable.Range(1, 4).Sum(i => long.Parse(e.Groups[i].Value, CultureInfo.InvariantCulture))
            : 0;
        var wrkNon2xx = Count(WrkNon2xxLine(), output);
        var luaNon2xx = Count(LuaNon2xxLine(), output);
        var failure = FirstFailureLine().Match(output) is { Success: true } f ? f.Groups[1].Value.Trim() : null;
        return new WrkResult(name, requests, rps, Percentile(output, "50"), Percentile(output, "99"),
            scriptCountsNon2xx ? Math.Max(luaNon2xx, wrkNon2xx) : wrkNon2xx, socketErrors,
            Count(FailedBatchesLine(), output), failure);
    }

    private static long Count(Regex line, string output) =>
        line.Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    /// <summary>A line of wrk's "Latency Distribution", e.g. "     99%   12.34ms", in milliseconds (NaN when absent).</summary>
    private static double Percentile(string output, string percent)
    {
        var m = Regex.Match(output, $@"^\s*{percent}%\s+([\d.]+)(us|ms|s|m|h)\s*$", RegexOptions.Multiline);
        if (!m.Success) return double.NaN;
        var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            "m" => value * 60_000,
            _ => value * 3_600_000,
        };
    }

    [GeneratedRegex(@"^\s*(\d+) requests in ", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RequestsPerSecLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex WrkNon2xxLine();

    [GeneratedRegex(@"^non2xx: (\d+)", RegexOptions.Multiline)]
    private static partial Regex LuaNon2xxLine();

    [GeneratedRegex(@"^batches-with-failed-items: (\d+)", RegexOptions.Multiline)]
    private static partial Regex FailedBatchesLine();

    [GeneratedRegex(@"^first-non2xx: (.*)$", RegexOptions.Multiline)]
    private static partial Regex FirstFailureLine();
}
