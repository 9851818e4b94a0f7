using CxApi.Common.Paging;

namespace CxApi.Features.Customers;

/// <summary>
/// <c>from</c>/<c>to</c>: when the risk arose (default: the 30 days before now); <c>slaSeconds</c>: how long an
/// interaction may stay open (default 86,400 = 24 h).
/// </summary>
public sealed record AtRiskQuery(string? From, string? To, double? SlaSeconds, int? Limit, string? Cursor) : IListQuery;
