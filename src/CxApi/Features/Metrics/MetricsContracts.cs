using CxApi.Common.Formats;
using System.Text.Json.Serialization;
using CxApi.Infrastructure;
using CxApi.Metrics;

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
    string? GroupBy) : IMetricQuery;

public sealed record ReviewMetricQuery(
    string? From, string? To, string[]? Source, string[]? Product, string[]? Region, string? GroupBy,
    double? PriorMean, double? PriorWeight) : IMetricQuery;

public sealed record InteractionMetricQuery(
    string? From, string? To, string[]? Channel, string[]? Product, string[]? Region, string[]? Tag, string[]? Team,
    string[]? Type, string? GroupBy, double? SlaSeconds) : IMetricQuery;

/// <summary><c>interval</c>: day, week (default; ISO, from Monday), month or quarter; <c>tz</c>: an IANA zone (default UTC).</summary>
public sealed record TrendQuery(string? Interval, string? Tz);

/// <summary>Filters for the summary apply to every metric that has that dimension; metrics without it are left out.</summary>
public sealed record SummaryQuery(
    string? From, string? To, string[]? SurveyId, string[]? Channel, string[]? Product, string[]? Region, string[]? Tag,
    string[]? Source, string[]? Team) : IMetricQuery
{
    public string? GroupBy => null;
}

// ---- Bodies ---------------------------------------------------------------------------------
// A metric body is the calculator's figures plus where they come from; a group adds its key, a trend
// point its period. Each is the figures record extended, so every field sits at the top level.

/// <summary>Where a figure comes from: the metric, the half-open period and the filters applied.</summary>
public sealed record MetricHeader(
    string Metric,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    string? GroupBy,
    MetricDefinition Definition);

public sealed record NpsReport : NpsStats, ICsvExportable
{
    public NpsReport(MetricHeader header, NpsStats stats, IReadOnlyList<NpsGroup>? groups) : base(stats) => (Header, Groups) = (header, groups);
    [JsonIgnore] public MetricHeader Header { get; }
    [JsonPropertyOrder(-9)] public string Metric => Header.Metric;
    [JsonPropertyOrder(-8)] public DateTimeOffset From => Header.From;
    [JsonPropertyOrder(-7)] public DateTimeOffset To => Header.To;
    [JsonPropertyOrder(-6)] public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters => Header.Filters;
    [JsonPropertyOrder(-5)] public string? GroupBy => Header.GroupBy;
    [JsonPropertyOrder(100)] public MetricDefinition Definition => Header.Definition;
    [JsonPropertyOrder(101)] public IReadOnlyList<NpsGroup>? Groups { get; }
    public static string[] CsvPrefix => MetricCsv.ReportPrefix;
    public static Type CsvItemType => typeof(NpsGroup);
    public CsvRows ToCsvRows() => MetricCsv.Report(Header, Groups ?? [new NpsGroup(null, this)]);
}

public sealed record NpsGroup : NpsStats
{
    public NpsGroup(string? key, NpsStats stats) : base(stats) => Key = key;
    [JsonPropertyOrder(-1)] public string? Key { get; }
}

public sealed record NpsPoint : NpsStats
{
    public NpsPoint(TimeBucket period, bool partial, NpsStats stats) : base(stats) => (PeriodStart, PeriodEnd, Partial) = (period.Start, period.End, partial);
    [JsonPropertyOrder(-3)] public DateTimeOffset PeriodStart { get; }
    [JsonPropertyOrder(-2)] public DateTimeOffset PeriodEnd { get; }
    [JsonPropertyOrder(-1)] public bool Partial { get; }
}

public sealed record CsatReport : CsatStats, ICsvExportable
{
    public CsatReport(MetricHeader header, CsatStats stats, IReadOnlyList<CsatGroup>? groups) : base(stats) => (Header, Groups) = (header, groups);
    [JsonIgnore] public MetricHeader Header { get; }
    [JsonPropertyOrder(-9)] public string Metric => Header.Metric;
    [JsonPropertyOrder(-8)] public DateTimeOffset From => Header.From;
    [JsonPropertyOrder(-7)] public DateTimeOffset To => Header.To;
    [JsonPropertyOrder(-6)] public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters => Header.Filters;
    [JsonPropertyOrder(-5)] public string? GroupBy => Header.GroupBy;
    [JsonPropertyOrder(100)] public MetricDefinition Definition => Header.Definition;
    [JsonPropertyOrder(101)] public IReadOnlyList<CsatGroup>? Groups { get; }
    public static string[] CsvPrefix => MetricCsv.ReportPrefix;
    public static Type CsvItemType => typeof(CsatGroup);
    public CsvRows ToCsvRows() => MetricCsv.Report(Header, Groups ?? [new CsatGroup(null, this)]);
}

public sealed record CsatGroup : CsatStats
{
    public CsatGroup(string? key, CsatStats stats) : base(stats) => Key = key;
    [JsonPropertyOrder(-1)] public string? Key { get; }
}

public sealed record CsatPoint : CsatStats
{
    public CsatPoint(TimeBucket period, bool partial, CsatStats stats) : base(stats) => (PeriodStart, PeriodEnd, Partial) = (period.Start, period.End, partial);
    [JsonPropertyOrder(-3)] public DateTimeOffset PeriodStart { get; }
    [JsonPropertyOrder(-2)] public DateTimeOffset PeriodEnd { get; }
    [JsonPropertyOrder(-1)] public bool Partial { get; }
}

public sealed record CesReport : CesStats, ICsvExportable
{
    public CesReport(MetricHeader header, CesStats stats, IReadOnlyList<CesGroup>? groups) : base(stats) => (Header, Groups) = (header, groups);
    [JsonIgnore] public MetricHeader Header { get; }
    [JsonPropertyOrder(-9)] public string Metric => Header.Metric;
    [JsonPropertyOrder(-8)] public DateTimeOffset From => Header.From;
    [JsonPropertyOrder(-7)] public DateTimeOffset To => Header.To;
    [JsonPropertyOrder(-6)] public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters => Header.Filters;
    [JsonPropertyOrder(-5)] public string? GroupBy => Header.GroupBy;
    [JsonPropertyOrder(100)] public MetricDefinition Definition => Header.Definition;
    [JsonPropertyOrder(101)] public IReadOnlyList<CesGroup>? Groups { get; }
    public static string[] CsvPrefix => MetricCsv.ReportPrefix;
    public static Type CsvItemType => typeof(CesGroup);
    public CsvRows ToCsvRows() => MetricCsv.Report(Header, Groups ?? [new CesGroup(null, this)]);
}

public sealed record CesGroup : CesStats
{
    public CesGroup(string? key, CesStats stats) : base(stats) => Key = key;
    [JsonPropertyOrder(-1)] public string? Key { get; }
}

public sealed record CesPoint : CesStats
{
    public CesPoint(TimeBucket period, bool partial, CesStats stats) : base(stats) => (PeriodStart, PeriodEnd, Partial) = (period.Start, period.End, partial);
    [JsonPropertyOrder(-3)] public DateTimeOffset PeriodStart { get; }
    [JsonPropertyOrder(-2)] public DateTimeOffset PeriodEnd { get; }
    [JsonPropertyOrder(-1)] public bool Partial { get; }
}

public sealed record RatingReport : RatingStats, ICsvExportable
{
    public RatingReport(MetricHeader header, RatingStats stats, IReadOnlyList<RatingGroup>? groups) : base(stats) => (Header, Groups) = (header, groups);
    [JsonIgnore] public MetricHeader Header { get; }
    [JsonPropertyOrder(-9)] public string Metric => Header.Metric;
    [JsonPropertyOrder(-8)] public DateTimeOffset From => Header.From;
    [JsonPropertyOrder(-7)] public DateTimeOffset To => Header.To;
    [JsonPropertyOrder(-6)] public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters => Header.Filters;
    [JsonPropertyOrder(-5)] public string? GroupBy => Header.GroupBy;
    [JsonPropertyOrder(100)] public MetricDefinition Definition => Header.Definition;
    [JsonPropertyOrder(101)] public IReadOnlyList<RatingGroup>? Groups { get; }
    public static string[] CsvPrefix => MetricCsv.ReportPrefix;
    public static Type CsvItemType => typeof(RatingGroup);
    public CsvRows ToCsvRows() => MetricCsv.Report(Header, Groups ?? [new RatingGroup(null, this)]);
}

public sealed record RatingGroup : RatingStats
{
    public RatingGroup(string? key, RatingStats stats) : base(stats) => Key = key;
    [JsonPropertyOrder(-1)] public string? Key { get; }
}

public sealed record RatingPoint : RatingStats
{
    public RatingPoint(TimeBucket period, bool partial, RatingStats stats) : base(stats) => (PeriodStart, PeriodEnd, Partial) = (period.Start, period.End, partial);
    [JsonPropertyOrder(-3)] public DateTimeOffset PeriodStart { get; }
    [JsonPropertyOrder(-2)] public DateTimeOffset PeriodEnd { get; }
    [JsonPropertyOrder(-1)] public bool Partial { get; }
}

public sealed record SusReport : SusStats, ICsvExportable
{
    public SusReport(MetricHeader header, SusStats stats, IReadOnlyList<SusGroup>? groups) : base(stats) => (Header, Groups) = (header, groups);
    [JsonIgnore] public MetricHeader Header { get; }
    [JsonPropertyOrder(-9)] public string Metric => Header.Metric;
    [JsonPropertyOrder(-8)] public DateTimeOffset From => Header.From;
    [JsonPropertyOrder(-7)] public DateTimeOffset To => Header.To;
    [JsonPropertyOrder(-6)] public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters => Header.Filters;
    [JsonPropertyOrder(-5)] public string? GroupBy => Header.GroupBy;
    [JsonPropertyOrder(100)] public MetricDefinition Definition => Header.Definition;
    [JsonPropertyOrder(101)] public IReadOnlyList<SusGroup>? Groups { get; }
    public static string[] CsvPrefix => MetricCsv.ReportPrefix;
    public static Type CsvItemType => typeof(SusGroup);
    public CsvRows ToCsvRows() => MetricCsv.Report(Header, Groups ?? [new SusGroup(null, this)]);
}

public sealed record SusGroup : SusStats
{
    public SusGroup(string? key, SusStats stats) : base(stats) => Key = key;
    [JsonPropertyOrder(-1)] public string? Key { get; }
}

public sealed record SusPoint : SusStats
{
    public SusPoint(TimeBucket period, bool partial, SusStats stats) : base(stats) => (PeriodStart, PeriodEnd, Partial) = (period.Start, period.End, partial);
    [JsonPropertyOrder(-3)] public DateTimeOffset PeriodStart { get; }
    [JsonPropertyOrder(-2)] public DateTimeOffset PeriodEnd { get; }
    [JsonPropertyOrder(-1)] public bool Partial { get; }
}

public sealed record ReviewReport : ReviewStats, ICsvExportable
{
    public ReviewReport(MetricHeader header, ReviewStats stats, IReadOnlyList<ReviewGroup>? groups) : base(stats) => (Header, Groups) = (header, groups);
    [JsonIgnore] public MetricHeader Header { get; }
    [JsonPropertyOrder(-9)] public string Metric => Header.Metric;
    [JsonPropertyOrder(-8)] public DateTimeOffset From => Header.From;
    [JsonPropertyOrder(-7)] public DateTimeOffset To => Header.To;
    [JsonPropertyOrder(-6)] public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters => Header.Filters;
    [JsonPropertyOrder(-5)] public string? GroupBy => Header.GroupBy;
    [JsonPropertyOrder(100)] public MetricDefinition Definition => Header.Definition;
    [JsonPropertyOrder(101)] public IReadOnlyList<ReviewGroup>? Groups { get; }
    public static string[] CsvPrefix => MetricCsv.ReportPrefix;
    public static Type CsvItemType => typeof(ReviewGroup);
    public CsvRows ToCsvRows() => MetricCsv.Report(Header, Groups ?? [new ReviewGroup(null, this)]);
}

public sealed record ReviewGroup : ReviewStats
{
    public ReviewGroup(string? key, ReviewStats stats) : base(stats) => Key = key;
    [JsonPropertyOrder(-1)] public string? Key { get; }
}

public sealed record ReviewPoint : ReviewStats
{
    public ReviewPoint(TimeBucket period, bool partial, ReviewStats stats) : base(stats) => (PeriodStart, PeriodEnd, Partial) = (period.Start, period.End, partial);
    [JsonPropertyOrder(-3)] public DateTimeOffset PeriodStart { get; }
    [JsonPropertyOrder(-2)] public DateTimeOffset PeriodEnd { get; }
    [JsonPropertyOrder(-1)] public bool Partial { get; }
}

public sealed record InteractionReport : InteractionStats, ICsvExportable
{
    public InteractionReport(MetricHeader header, InteractionStats stats, IReadOnlyList<InteractionGroup>? groups) : base(stats) => (Header, Groups) = (header, groups);
    [JsonIgnore] public MetricHeader Header { get; }
    [JsonPropertyOrder(-9)] public string Metric => Header.Metric;
    [JsonPropertyOrder(-8)] public DateTimeOffset From => Header.From;
    [JsonPropertyOrder(-7)] public DateTimeOffset To => Header.To;
    [JsonPropertyOrder(-6)] public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters => Header.Filters;
    [JsonPropertyOrder(-5)] public string? GroupBy => Header.GroupBy;
    [JsonPropertyOrder(100)] public MetricDefinition Definition => Header.Definition;
    [JsonPropertyOrder(101)] public IReadOnlyList<InteractionGroup>? Groups { get; }
    public static string[] CsvPrefix => MetricCsv.ReportPrefix;
    public static Type CsvItemType => typeof(InteractionGroup);
    public CsvRows ToCsvRows() => MetricCsv.Report(Header, Groups ?? [new InteractionGroup(null, this)]);
}

public sealed record InteractionGroup : InteractionStats
{
    public InteractionGroup(string? key, InteractionStats stats) : base(stats) => Key = key;
    [JsonPropertyOrder(-1)] public string? Key { get; }
}

public sealed record InteractionPoint : InteractionStats
{
    public InteractionPoint(TimeBucket period, bool partial, InteractionStats stats) : base(stats) => (PeriodStart, PeriodEnd, Partial) = (period.Start, period.End, partial);
    [JsonPropertyOrder(-3)] public DateTimeOffset PeriodStart { get; }
    [JsonPropertyOrder(-2)] public DateTimeOffset PeriodEnd { get; }
    [JsonPropertyOrder(-1)] public bool Partial { get; }
}

/// <summary>A trend: one point per calendar bucket from <c>from</c> to <c>to</c>, empty buckets included.</summary>
public sealed record MetricTrend<TPoint>(
    string Metric,
    string Interval,
    string Tz,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    string? GroupBy,
    IReadOnlyList<TPoint> Points,
    IReadOnlyList<TrendSeries<TPoint>>? Series,
    MetricDefinition Definition) : ICsvExportable
{
    public static string[] CsvPrefix => ["metric", "interval", "tz", "groupBy", "key"];
    public static Type CsvItemType => typeof(TPoint);

    /// <summary>One row per bucket; with <c>groupBy</c>, one per group and bucket.</summary>
    public CsvRows ToCsvRows() => new(
        (Series ?? [new TrendSeries<TPoint>(null, Points)]).SelectMany(series =>
            series.Points.Select(point => (new object?[] { Metric, Interval, Tz, GroupBy, series.Key }, (object)point!))));
}

/// <summary>The points of one group (with <c>groupBy</c>).</summary>
public sealed record TrendSeries<TPoint>(string? Key, IReadOnlyList<TPoint> Points);

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

/// <summary>CSV rows of a metric report: one per group (one row without <c>groupBy</c>), led by where the figures come from.</summary>
public static class MetricCsv
{
    public static readonly string[] ReportPrefix = ["metric", "from", "to", "groupBy"];

    public static CsvRows Report(MetricHeader header, IEnumerable<object> groups) =>
        new(groups.Select(g => (new object?[] { header.Metric, header.From, header.To, header.GroupBy }, g)));
}
