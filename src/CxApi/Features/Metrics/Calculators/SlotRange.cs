namespace CxApi.Features.Metrics.Calculators;

/// <summary>
/// Whole rollup slots of <paramref name="SlotMicros"/> (an hour or a UTC day) in <c>[From, To)</c>, counted
/// into bucket <paramref name="Bucket"/> with <paramref name="Sign"/> +1, or taken out of it with −1.
/// </summary>
public readonly record struct SlotRange(long From, long To, long SlotMicros, int Bucket, int Sign = 1)
{
    public long SlotSeconds => SlotMicros / 1_000_000;
    public long SlotCount => (To - From) / SlotMicros;
}
