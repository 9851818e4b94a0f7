namespace CxApi.Features.Metrics;

/// <summary>What the figures mean: the metric's own definition plus what the factor and its buckets are.</summary>
public sealed record DriverDefinition(string Formula, string Scale, string Method, string Factor);
