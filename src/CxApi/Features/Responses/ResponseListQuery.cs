using CxApi.Common.Paging;

namespace CxApi.Features.Responses;

public sealed record ResponseListQuery(
    string[]? SurveyId,
    string[]? Kind,
    string? From,
    string? To,
    string[]? Channel,
    string[]? Product,
    string[]? Region,
    string[]? Tag,
    string[]? CustomerId,
    int? Limit,
    string? Cursor,
    string[]? Service = null) : IListQuery;
