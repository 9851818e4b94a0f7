using CxApi.Common.Formats;
using System.Text.Json.Serialization;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Records;
using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Metrics;

// ---- Queries --------------------------------------------------------------------------------
// One query type per family, listing only the filters that apply to it (so OpenAPI shows exactly those).

public interface IMetricQuery
{
    string? From { get; }
    string? To { get; }
    string? GroupBy { get; }

    /// <summary>The dimension filters this family accepts, with the values given (null when absent).</summary>
    IReadOnlyDictionary<string, string[]?> DimensionFilters() => QueryDimensions.Of(this);
}

public sealed record SurveyMetricQuery(
    string? From, string? To, string[]? SurveyId, string[]? Channel, string[]? Product, string[]? Region, string[]? Tag,
    string? GroupBy, string[]? Service = null) : IMetricQuery;

public sealed record ReviewMetricQuery(
    string? From, string? To, string[]? Source, string[]? Product, string[]? Region, string? GroupBy,
    double? PriorMean, double? PriorWeight, string[]? Service = null) : IMetricQuery;

public sealed record InteractionMetricQuery(
    string? From, string? To, string[]? Channel, string[]? Product, string[]? Region, string[]? Tag, string[]? Team,
    string[]? Type, string? GroupBy, double? SlaSeconds, string[]? Service = null) : IMetricQuery;

/// <summary><c>interval</c>: day, week (default; ISO, from Monday), month or quarter; <c>tz</c>: an IANA zone (default UTC).</summary>
public sealed record TrendQuery(string? Interval, string? Tz);

/// <summary>Filters for the summary apply to every metric that has that dimension; metrics without it are left out.</summary>
public sealed record SummaryQuery(
    string? From, string? To, string[]? SurveyId, string[]? Channel, string[]? Product, string[]? Region, string[]? Tag,
    string[]? Source, string[]? Team, string[]? Service = null) : IMetricQuery
{
    public string? GroupBy => null;
}

// ---- Bodies ---------------------------------------------------------------------------------
// A metric body is the calculator's figures plus where they come from (MetricReport<TStats>); a group adds
// its key (MetricGroup<TStats>), a trend point its period (MetricPoint<TStats>). The figures are flattened,
// so every field sits at the top level.

/// <summary>Where a figure comes from: the metric, the half-open period and the filters applied.</summary>
public sealed record MetricHeader(
    string Metric,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    string? GroupBy,
    MetricDefinition Definition);

/// <summary>One headline metric in the summary: this period against the previous one of equal length.</summary>
public sealed record SummaryItem(
    string Metric,
    double? Value,
    double? PreviousValue,
    double? Delta,
    bool Significant,
    double? Z,
    string Test,
    long N,
    long PreviousN,
    Interval? Ci95,
    Interval? PreviousCi95,
    bool LowSample);

public sealed record MetricsSummary(
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset PreviousFrom,
    DateTimeOffset PreviousTo,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    IReadOnlyList<SummaryItem> Metrics,
    IReadOnlyList<string> Omitted) : ICsvExportable
{
    public static string[] CsvPrefix => ["from", "to", "previousFrom", "previousTo"];
    public static Type CsvItemType => typeof(SummaryItem);

    /// <summary>One row per headline metric.</summary>
    public CsvRows ToCsvRows() => new(Metrics.Select(m => (new object?[] { From, To, PreviousFrom, PreviousTo }, (object)m)));
}
