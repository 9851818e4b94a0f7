namespace CxApi.Infrastructure.Entities;

/// <summary>
/// How far the retention job has purged a resource's records: none whose own time is before <see cref="BeforeMicros"/>
/// are kept (a start of a UTC day, so no rollup slot is half purged). Metrics read that part from the rollups, and
/// rollup verification and rebuilds leave it alone. It only moves forward.
/// </summary>
public sealed class PurgeHorizonEntity
{
    /// <summary>The record kind's resource name (<c>responses</c>).</summary>
    public required string Resource { get; init; }
    public long BeforeMicros { get; init; }
}
