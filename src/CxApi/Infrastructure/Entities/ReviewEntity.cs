namespace CxApi.Infrastructure.Entities;

public sealed class ReviewEntity : RecordEntity, IRedactableRecord
{
    public required string Source { get; init; }
    public int Rating { get; init; }
    public string? Title { get; set; }
    public string? Body { get; set; }
    public string? Author { get; init; }
    public string? Product { get; init; }
    public string? Region { get; init; }
    public string? Service { get; init; }
    public string? Language { get; init; }
    public long PublishedAtMicros { get; init; }
    public string? CustomerId { get; init; }
    public bool Redacted { get; set; }

    public bool MaskFreeText(Func<string?, string?> mask)
    {
        var (title, body) = (mask(Title), mask(Body));
        if (title == Title && body == Body) return false;
        (Title, Body) = (title, body);
        return true;
    }
}
