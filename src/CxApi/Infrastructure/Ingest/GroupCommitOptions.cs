namespace CxApi.Infrastructure.Ingest;

public sealed class GroupCommitOptions
{
    public const string Section = "GroupCommit";
    public bool Enabled { get; set; } = true;
    /// <summary>The most single-record inserts one transaction takes.</summary>
    public int MaxBatch { get; set; } = 500;
}
