using CxApi.Common.Json;
using CxApi.Common.OpenApi;
using System.Text.Json.Serialization;

namespace CxApi.Features.Metrics;

/// <summary>A metric's figures for one value of the <c>groupBy</c> dimension (null: records without it).</summary>
[SchemaId("{0}Group", trimSuffix: "Stats")]
public sealed record MetricGroup<TStats>([property: JsonPropertyOrder(-1)] string? Key, [property: Flatten] TStats Stats);
