using System.Text.Json;
using CxApi.Common;
using CxApi.Common.Problems;
using CxApi.Infrastructure;
using CxApi.Features.Metrics.Calculators;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxApi.Features.Metrics;

public sealed record TrendPlan(TrendInterval Interval, TimeZoneInfo Zone, IReadOnlyList<TimeBucket> Buckets);
