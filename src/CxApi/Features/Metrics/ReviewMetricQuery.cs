namespace CxApi.Features.Metrics;

public sealed record ReviewMetricQuery(
    string? From, string? To, string[]? Source, string[]? Product, string[]? Region, string? GroupBy,
    double? PriorMean, double? PriorWeight, string[]? Service = null) : IMetricQuery;
