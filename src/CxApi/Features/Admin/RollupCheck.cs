namespace CxApi.Features.Admin;

/// <summary>Rows that differ between each stored rollup table and a fresh aggregation of the records.</summary>
public sealed record RollupCheck(bool Consistent, IReadOnlyDictionary<string, long> Differences);
