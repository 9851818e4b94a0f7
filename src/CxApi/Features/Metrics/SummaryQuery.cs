namespace CxApi.Features.Metrics;

/// <summary>Filters for the summary apply to every metric that has that dimension; metrics without it are left out.</summary>
public sealed record SummaryQuery(
    string? From, string? To, string[]? SurveyId, string[]? Channel, string[]? Product, string[]? Region, string[]? Tag,
    string[]? Source, string[]? Team, string[]? Service = null) : IMetricQuery
{
    public string? GroupBy => null;
}
