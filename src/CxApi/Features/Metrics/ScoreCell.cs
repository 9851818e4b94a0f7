namespace CxApi.Features.Metrics;

/// <summary>How many linked responses with a factor value gave each score.</summary>
public sealed class ScoreCell<TKey>
{
    public required TKey Key { get; init; }
    public int Score { get; init; }
    public long Count { get; init; }
}
