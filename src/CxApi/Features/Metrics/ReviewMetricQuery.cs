using CxApi.Common.Formats;
using System.Text.Json.Serialization;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Records;
using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Metrics;

public sealed record ReviewMetricQuery(
    string? From, string? To, string[]? Source, string[]? Product, string[]? Region, string? GroupBy,
    double? PriorMean, double? PriorWeight, string[]? Service = null) : IMetricQuery;
