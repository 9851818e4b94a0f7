namespace CxApi.Infrastructure.Records;

/// <summary>
/// The values of a rollup row's extra key columns (beyond dimension, value and slot), in generic slots so that rollup
/// deltas need no type per table: up to two texts and two numbers, mapped to columns by <see cref="RollupKeyColumn"/>.
/// </summary>
public readonly record struct RollupPartition(string Text1 = "", string Text2 = "", double Number1 = 0, double Number2 = 0)
{
    public object Value(RollupSlot slot) => slot switch
    {
        RollupSlot.Text1 => Text1,
        RollupSlot.Text2 => Text2,
        RollupSlot.Number1 => Number1,
        RollupSlot.Number2 => Number2,
        RollupSlot.Int1 => (int)Number1,
        _ => (int)Number2,
    };
}
