using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Operations;

/// <summary>A figure with how many observations it rests on and its 95 % interval (null without enough of them).</summary>
public sealed record ScoredFigure(double? Value, long N, Interval? Ci95);
