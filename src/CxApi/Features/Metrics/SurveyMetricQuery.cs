namespace CxApi.Features.Metrics;

public sealed record SurveyMetricQuery(
    string? From, string? To, string[]? SurveyId, string[]? Channel, string[]? Product, string[]? Region, string[]? Tag,
    string? GroupBy, string[]? Service = null) : IMetricQuery;
