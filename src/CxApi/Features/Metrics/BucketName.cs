using System.Text.Json;
using CxApi.Common;
using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Metrics;

/// <summary>A bucket as the body names it: a stable key and words for people.</summary>
public sealed record BucketName(string? Key, string Label);
