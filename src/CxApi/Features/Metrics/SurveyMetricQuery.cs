using CxApi.Common.Formats;
using System.Text.Json.Serialization;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Records;
using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Metrics;

public sealed record SurveyMetricQuery(
    string? From, string? To, string[]? SurveyId, string[]? Channel, string[]? Product, string[]? Region, string[]? Tag,
    string? GroupBy, string[]? Service = null) : IMetricQuery;
