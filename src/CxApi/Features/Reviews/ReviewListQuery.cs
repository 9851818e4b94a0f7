using CxApi.Common.Paging;

namespace CxApi.Features.Reviews;

public sealed record ReviewListQuery(
    string[]? Source,
    string[]? Product,
    string[]? Region,
    string[]? CustomerId,
    int? MinRating,
    int? MaxRating,
    string? From,
    string? To,
    int? Limit,
    string? Cursor,
    string[]? Service = null) : IListQuery;
