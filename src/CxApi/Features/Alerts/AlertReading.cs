using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Alerts;

/// <summary>A rule's figure over its window and the window before, with the metric's change test where it has one.</summary>
public sealed record AlertReading(double? Value, long N, Interval? Ci95, double? PreviousValue, long PreviousN, ChangeTest? Change);
