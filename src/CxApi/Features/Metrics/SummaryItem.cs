using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Metrics;

/// <summary>One headline metric in the summary: this period against the previous one of equal length.</summary>
public sealed record SummaryItem(
    string Metric,
    double? Value,
    double? PreviousValue,
    double? Delta,
    bool Significant,
    double? Z,
    string Test,
    long N,
    long PreviousN,
    Interval? Ci95,
    Interval? PreviousCi95,
    bool LowSample);
