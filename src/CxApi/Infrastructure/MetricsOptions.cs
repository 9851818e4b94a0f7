namespace CxApi.Infrastructure;

public sealed class MetricsOptions
{
    public const string Section = "Metrics";
    /// <summary>Answer from rollups where they can (off: always count the records; for comparisons).</summary>
    public bool UseRollups { get; set; } = true;
}
