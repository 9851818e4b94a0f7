using CxApi.Common.Formats;
using System.Text.Json.Serialization;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Records;
using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Metrics;

/// <summary><c>interval</c>: day, week (default; ISO, from Monday), month or quarter; <c>tz</c>: an IANA zone (default UTC).</summary>
public sealed record TrendQuery(string? Interval, string? Tz);
