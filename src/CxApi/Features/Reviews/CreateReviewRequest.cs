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
