namespace CxApi.Infrastructure.Entities;

/// <summary>Counts per log-histogram bin of first-response (Which = 0) and resolution (Which = 1) durations.</summary>
public sealed class InteractionBinRollup
{
    public required string Dimension { get; init; }
    public required string Value { get; init; }
    public int SlotSeconds { get; init; }
    public long SlotStartMicros { get; init; }
    public int Which { get; init; }
    public int Bin { get; init; }
    public long Count { get; set; }
}
