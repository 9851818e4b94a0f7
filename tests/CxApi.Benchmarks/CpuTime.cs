using System.Globalization;

namespace CxApi.Benchmarks;

/// <summary>CPU time (user + system) spent by processes, read from <c>/proc/&lt;pid&gt;/stat</c>, in seconds.</summary>
public static class CpuTime
{
    private const double TicksPerSecond = 100; // USER_HZ, the unit of /proc/<pid>/stat's times

    /// <summary>The CPU time of process <paramref name="pid"/> so far.</summary>
    public static double OfProcess(int pid) => Ticks($"/proc/{pid}/stat") / TicksPerSecond;

    /// <summary>
    /// The CPU time so far of every process on this machine named <c>postgres</c> (the server and its backends).
    /// A backend that exits during a run takes its time with it; the server's pooled connections do not exit.
    /// </summary>
    public static double OfPostgres()
    {
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _)) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "comm")).StartsWith("postgres", StringComparison.Ordinal))
                    ticks += Ticks(Path.Combine(dir, "stat"));
            }
            catch (IOException) { } // the process ended meanwhile
            catch (UnauthorizedAccessException) { }
        }
        return ticks / TicksPerSecond;
    }

    private static long Ticks(string statFile)
    {
        var stat = File.ReadAllText(statFile);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // fields[0] is field 3 ("state")
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}
