namespace CxApi.Features.Metrics;

public sealed record InteractionMetricQuery(
    string? From, string? To, string[]? Channel, string[]? Product, string[]? Region, string[]? Tag, string[]? Team,
    string[]? Type, string? GroupBy, double? SlaSeconds, string[]? Service = null) : IMetricQuery;
