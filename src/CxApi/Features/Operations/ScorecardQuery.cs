using CxApi.Common.OpenApi;
using CxApi.Features.Metrics;
using System.ComponentModel;

namespace CxApi.Features.Operations;

/// <summary>The period (default the last 30 days) and the column the rows are sorted by.</summary>
public sealed record ScorecardQuery(
    string? From,
    string? To,
    [property: Description("The column to sort by, ascending, or descending with a leading '-' (default service); rows without the figure come last, ties by service.")]
    string? Sort) : IMetricQuery, IQueryValues
{
    public string? GroupBy => null;

    public static IReadOnlyDictionary<string, IReadOnlyCollection<string>> QueryValues { get; } = new Dictionary<string, IReadOnlyCollection<string>>
    {
        ["sort"] = [.. ScorecardSort.Columns.Keys.SelectMany(c => new[] { c, "-" + c })],
    };
}
