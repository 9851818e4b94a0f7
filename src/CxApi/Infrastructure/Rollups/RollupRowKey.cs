using CxApi.Infrastructure.Records;

namespace CxApi.Infrastructure.Rollups;

/// <summary>The key of a rollup row: dimension, value, slot size and start, and the table's extra keys.</summary>
public readonly record struct RollupRowKey(string Dimension, string Value, int Slot, long Start, RollupPartition Partition) : IComparable<RollupRowKey>
{
    public int CompareTo(RollupRowKey other)
    {
        var c = string.CompareOrdinal(Dimension, other.Dimension);
        if (c == 0) c = string.CompareOrdinal(Value, other.Value);
        if (c == 0) c = Slot.CompareTo(other.Slot);
        if (c == 0) c = Start.CompareTo(other.Start);
        if (c == 0) c = string.CompareOrdinal(Partition.Text1, other.Partition.Text1);
        if (c == 0) c = string.CompareOrdinal(Partition.Text2, other.Partition.Text2);
        if (c == 0) c = Partition.Number1.CompareTo(other.Partition.Number1);
        if (c == 0) c = Partition.Number2.CompareTo(other.Partition.Number2);
        return c;
    }

    public static bool operator <(RollupRowKey left, RollupRowKey right) => left.CompareTo(right) < 0;
    public static bool operator <=(RollupRowKey left, RollupRowKey right) => left.CompareTo(right) <= 0;
    public static bool operator >(RollupRowKey left, RollupRowKey right) => left.CompareTo(right) > 0;
    public static bool operator >=(RollupRowKey left, RollupRowKey right) => left.CompareTo(right) >= 0;
}
