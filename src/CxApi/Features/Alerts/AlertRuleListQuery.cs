using CxApi.Common.Paging;

namespace CxApi.Features.Alerts;

public sealed record AlertRuleListQuery(string? From, string? To, int? Limit, string? Cursor) : IListQuery;
