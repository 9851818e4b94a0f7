using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Metrics;

// A metric body is the calculator's figures plus where they come from (MetricReport<TStats>); a group adds
// its key (MetricGroup<TStats>), a trend point its period (MetricPoint<TStats>). The figures are flattened,
// so every field sits at the top level.
/// <summary>
/// Where a figure comes from: the metric, the half-open period and the filters applied, and whether the retention job has
/// purged records of the period (its figures then come from the rollups where they can).
/// </summary>
public sealed record MetricHeader(
    string Metric,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    string? GroupBy,
    MetricDefinition Definition,
    bool RecordsPurged = false);
