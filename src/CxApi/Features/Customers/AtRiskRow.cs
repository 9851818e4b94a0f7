namespace CxApi.Features.Customers;

/// <summary>A customer on the at-risk list, as the database orders it.</summary>
public sealed record AtRiskRow(string Id, long LatestMicros);
