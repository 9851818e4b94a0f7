using CxApi.Common.Formats;
using CxApi.Common.Json;
using CxApi.Common.OpenApi;
using CxApi.Features.Metrics.Calculators;
using System.Text.Json.Serialization;

namespace CxApi.Features.Metrics;

/// <summary>A metric's figures over a period, where they come from, and (with <c>groupBy</c>) the same per group.</summary>
[SchemaId("{0}Report", trimSuffix: "Stats")]
public sealed record MetricReport<TStats>(
    [property: JsonIgnore] MetricHeader Header,
    [property: Flatten] TStats Stats,
    [property: JsonPropertyOrder(101)] IReadOnlyList<MetricGroup<TStats>>? Groups) : ICsvExportable
{
    [JsonPropertyOrder(-9)] public string Metric => Header.Metric;
    [JsonPropertyOrder(-8)] public DateTimeOffset From => Header.From;
    [JsonPropertyOrder(-7)] public DateTimeOffset To => Header.To;
    [JsonPropertyOrder(-6)] public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters => Header.Filters;
    [JsonPropertyOrder(-5)] public string? GroupBy => Header.GroupBy;
    [JsonPropertyOrder(-4)] public bool RecordsPurged => Header.RecordsPurged;
    [JsonPropertyOrder(100)] public MetricDefinition Definition => Header.Definition;

    public static string[] CsvPrefix => ["metric", "from", "to", "groupBy"];
    public static Type CsvItemType => typeof(MetricGroup<TStats>);

    /// <summary>One row per group (one row without <c>groupBy</c>), led by where the figures come from.</summary>
    public CsvRows ToCsvRows() => new((Groups ?? [new MetricGroup<TStats>(null, Stats)])
        .Select(g => (new object?[] { Header.Metric, Header.From, Header.To, Header.GroupBy }, (object)g)));
}
