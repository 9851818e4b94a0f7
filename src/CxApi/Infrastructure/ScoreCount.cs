namespace CxApi.Infrastructure;

public sealed record ScoreCount(string? GroupKey, int Bucket, double Score, long Count);
