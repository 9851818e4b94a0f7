namespace CxApi.Infrastructure.Entities;

/// <summary>The last change sequence number handed out per resource ("responses", "interactions", "reviews").</summary>
public sealed class ChangeCounterEntity
{
    public required string Resource { get; init; }
    public long Value { get; init; }
}
