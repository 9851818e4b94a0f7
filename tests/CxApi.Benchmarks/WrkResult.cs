namespace CxApi.Benchmarks;

/// <summary>What one wrk run measured. Latencies in milliseconds; <see cref="Non2xx"/> from the Lua script when it counts them, else from wrk.</summary>
public sealed record WrkResult(
    string Name, long Requests, double RequestsPerSec, double P50Ms, double P99Ms,
    long Non2xx, long SocketErrors, long BatchesWithFailedItems, string? FirstFailure)
{
    /// <summary>CPU time spent during the measured run (not its warm-up), or null when not measured.</summary>
    public CpuUse? Cpu { get; init; }

    public bool Clean => Requests > 0 && Non2xx == 0 && SocketErrors == 0 && BatchesWithFailedItems == 0;

    public string Problems => Requests == 0 ? "no request completed"
        : string.Join(", ", new[]
        {
            Non2xx > 0 ? $"{Non2xx:N0} non-2xx" : null,
            SocketErrors > 0 ? $"{SocketErrors:N0} socket errors/timeouts" : null,
            BatchesWithFailedItems > 0 ? $"{BatchesWithFailedItems:N0} batches with failed items" : null,
        }.OfType<string>());
}

/// <summary>CPU seconds the server and, on PostgreSQL, the database's processes spent during one wrk run.</summary>
public sealed record CpuUse(double ServerSeconds, double? PostgresSeconds)
{
    /// <summary>What was spent between <paramref name="before"/> and this reading.</summary>
    public CpuUse Since(CpuUse before) => new(ServerSeconds - before.ServerSeconds, PostgresSeconds - before.PostgresSeconds);
}
