namespace CxApi.Infrastructure.Entities;

public sealed class InteractionRollup
{
    public required string Dimension { get; init; }
    public required string Value { get; init; }
    public int SlotSeconds { get; init; }
    public long SlotStartMicros { get; init; }
    public long Count { get; set; }
    public long Resolved { get; set; }
    public long ResolvedFirstContact { get; set; }
    public long Escalated { get; set; }
    public long Abandoned { get; set; }
    public long WithFirstResponse { get; set; }
    /// <summary>First responses within the default SLA (3600 s); other SLAs are counted from the records.</summary>
    public long WithinDefaultSla { get; set; }
    public long FirstResponseMicros { get; set; }
    public long ResolutionMicros { get; set; }
}
