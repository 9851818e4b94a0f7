using CxApi.Common.Json;
using CxApi.Common.OpenApi;
using CxApi.Features.Metrics.Calculators;
using System.Text.Json.Serialization;

namespace CxApi.Features.Metrics;

/// <summary>A metric's figures for one calendar bucket of a trend; <c>partial</c> when the period covers only part of it.</summary>
[SchemaId("{0}Point", trimSuffix: "Stats")]
public sealed record MetricPoint<TStats>(
    [property: JsonIgnore] TimeBucket Period,
    [property: JsonPropertyOrder(-1)] bool Partial,
    [property: Flatten] TStats Stats)
{
    [JsonPropertyOrder(-3)] public DateTimeOffset PeriodStart => Period.Start;
    [JsonPropertyOrder(-2)] public DateTimeOffset PeriodEnd => Period.End;
}
