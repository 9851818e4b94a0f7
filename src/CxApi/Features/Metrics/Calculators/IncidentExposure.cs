namespace CxApi.Features.Metrics.Calculators;

/// <summary>Where a moment stands against the incidents of a service.</summary>
public enum IncidentProximity
{
    /// <summary>An incident on the service had started and was not yet resolved (or is still ongoing).</summary>
    During,
    /// <summary>Not during one, but within <see cref="IncidentExposure.Aftermath"/> after one was resolved.</summary>
    After,
    Neither,
}

/// <summary>
/// The incidents of a period by service, asked where a record's moment stands: during one (startedAt ≤ t &lt; resolvedAt,
/// or started and ongoing), within 24 h after one was resolved (resolvedAt ≤ t &lt; resolvedAt + 24 h), or neither.
/// Times in Unix microseconds; which incidents count (no maintenance) is the caller's choice.
/// </summary>
public sealed class IncidentExposure
{
    public static readonly TimeSpan Aftermath = TimeSpan.FromHours(24);

    private static readonly long AftermathMicros = (long)Aftermath.TotalMicroseconds;

    private readonly Dictionary<string, List<(long Started, long? Resolved)>> _byService = new(StringComparer.Ordinal);

    public IncidentExposure(IEnumerable<(IReadOnlyList<string> Services, long StartedAt, long? ResolvedAt)> incidents)
    {
        foreach (var (services, started, resolved) in incidents)
            foreach (var service in services.Distinct())
            {
                if (!_byService.TryGetValue(service, out var spans)) _byService[service] = spans = [];
                spans.Add((started, resolved));
            }
    }

    /// <summary>The services with at least one incident.</summary>
    public IReadOnlyCollection<string> Services => _byService.Keys;

    public IncidentProximity Of(string? service, long at)
    {
        if (service is null || !_byService.TryGetValue(service, out var spans)) return IncidentProximity.Neither;
        var after = false;
        foreach (var (started, resolved) in spans)
        {
            if (started <= at && (resolved is null || at < resolved)) return IncidentProximity.During;
            after |= resolved <= at && at < resolved + AftermathMicros;
        }
        return after ? IncidentProximity.After : IncidentProximity.Neither;
    }
}
