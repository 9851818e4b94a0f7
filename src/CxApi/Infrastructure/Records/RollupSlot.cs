namespace CxApi.Infrastructure.Records;

/// <summary>Which slot of a <see cref="RollupPartition"/> a key column takes (Int: a number stored as an integer).</summary>
public enum RollupSlot { Text1, Text2, Number1, Number2, Int1, Int2 }
