using CxApi.Common.Paging;

namespace CxApi.Features.ApiKeys;

public sealed record ApiKeyListQuery(string? From, string? To, int? Limit, string? Cursor) : IListQuery;
