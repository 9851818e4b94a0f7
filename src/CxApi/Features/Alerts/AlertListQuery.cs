using CxApi.Common.Paging;

namespace CxApi.Features.Alerts;

public sealed record AlertListQuery(string[]? RuleId, string[]? Type, string? From, string? To, int? Limit, string? Cursor) : IListQuery;
