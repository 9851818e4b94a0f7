namespace CxApi.Infrastructure.Records;

/// <summary>An extra key column of a rollup table and the partition slot it is read from.</summary>
public sealed record RollupKeyColumn(string Column, RollupSlot Slot);
