using CxApi.Common.Paging;

namespace CxApi.Features.Reviews;

public sealed record CreateReviewRequest(
    string? Source,
    int? Rating,
    DateTimeOffset? PublishedAt,
    string? ExternalId = null,
    string? Title = null,
    string? Body = null,
    string? Author = null,
    string? Product = null,
    string? Region = null,
    string? Service = null,
    string? Language = null,
    string? CustomerId = null);

public sealed record Review(
    string Id,
    string Source,
    string? ExternalId,
    int Rating,
    string? Title,
    string? Body,
    string? Author,
    string? Product,
    string? Region,
    string? Service,
    string? Language,
    DateTimeOffset PublishedAt,
    string? CustomerId,
    DateTimeOffset ReceivedAt);

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
