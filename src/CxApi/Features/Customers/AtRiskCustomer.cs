namespace CxApi.Features.Customers;

/// <summary>A customer at risk: the newest reason's time and every reason, newest first.</summary>
public sealed record AtRiskCustomer(string CustomerId, DateTimeOffset LatestAt, IReadOnlyList<RiskReason> Reasons);
