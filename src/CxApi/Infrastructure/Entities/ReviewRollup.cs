namespace CxApi.Infrastructure.Entities;

public sealed class ReviewRollup
{
    public required string Dimension { get; init; }
    public required string Value { get; init; }
    public int SlotSeconds { get; init; }
    public long SlotStartMicros { get; init; }
    public int Rating { get; init; }
    public long Count { get; set; }
}
