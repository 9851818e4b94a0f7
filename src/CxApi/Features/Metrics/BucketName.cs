namespace CxApi.Features.Metrics;

/// <summary>A bucket as the body names it: a stable key and words for people.</summary>
public sealed record BucketName(string? Key, string Label);
