namespace CxApi.Infrastructure.Entities;

public sealed class ReviewEntity : RecordEntity
{
    public required string Source { get; init; }
    public int Rating { get; init; }
    public string? Title { get; init; }
    public string? Body { get; init; }
    public string? Author { get; init; }
    public string? Product { get; init; }
    public string? Region { get; init; }
    public string? Service { get; init; }
    public string? Language { get; init; }
    public long PublishedAtMicros { get; init; }
    public string? CustomerId { get; init; }
}
