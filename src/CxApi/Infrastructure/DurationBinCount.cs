namespace CxApi.Infrastructure;

public sealed record DurationBinCount(string? GroupKey, int Bucket, int Which, int Bin, long Count);
