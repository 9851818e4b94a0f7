using CxApi.Common.Paging;

namespace CxApi.Features.Interactions;

public sealed record InteractionListQuery(
    string[]? Channel,
    string[]? Type,
    string[]? Status,
    string[]? Team,
    string[]? Product,
    string[]? Region,
    string[]? CustomerId,
    string? From,
    string? To,
    int? Limit,
    string? Cursor,
    string[]? Service = null) : IListQuery;
