namespace CxApi.Infrastructure.Records;

/// <summary>How many rows with one key value gave each score.</summary>
public sealed class ScoreCell<TKey>
{
    public required TKey Key { get; init; }
    public int Score { get; init; }
    public long Count { get; init; }
}
