namespace CxApi.Features.Admin;

/// <summary>Rows written per rollup table.</summary>
public sealed record RollupRebuild(IReadOnlyDictionary<string, int> Rows);
