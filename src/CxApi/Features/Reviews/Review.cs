namespace CxApi.Features.Reviews;

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
    DateTimeOffset ReceivedAt,
    bool Redacted);
