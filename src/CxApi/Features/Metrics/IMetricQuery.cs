using CxApi.Infrastructure.Records;

namespace CxApi.Features.Metrics;

// One query type per family, listing only the filters that apply to it (so OpenAPI shows exactly those).

public interface IMetricQuery
{
    string? From { get; }
    string? To { get; }
    string? GroupBy { get; }

    /// <summary>The dimension filters this family accepts, with the values given (null when absent).</summary>
    IReadOnlyDictionary<string, string[]?> DimensionFilters() => QueryDimensions.Of(this);
}
