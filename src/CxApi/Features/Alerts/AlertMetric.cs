using CxApi.Common;
using CxApi.Common.Json;
using CxApi.Features.Metrics;
using CxApi.Features.Metrics.Calculators;
using CxApi.Infrastructure;
using System.Globalization;

namespace CxApi.Features.Alerts;

/// <summary>
/// What a rule can watch: one metric's counts (from <see cref="MetricEngine"/>), its calculator, the figures of
/// its body a rule may name, its filters and, for some figures, its period-over-period test (<see cref="Significance"/>).
/// Nothing here computes a metric: the calculators and tests of the metric endpoints do.
/// </summary>
public abstract class AlertMetric
{
    public abstract AlertMetricName Name { get; }

    /// <summary>The figures of the metric's body, by their JSON path (<c>value</c>, <c>firstResponse.p90</c>).</summary>
    public abstract IReadOnlyCollection<string> Fields { get; }

    /// <summary>The figure a rule watches when it names none.</summary>
    public virtual string DefaultField => "value";

    /// <summary>The figures that have a change test (what <c>significantOnly</c> needs).</summary>
    public abstract IReadOnlyCollection<string> TestedFields { get; }

    /// <summary>The dimension filters the metric takes, as its query would.</summary>
    public abstract IMetricQuery Query(IReadOnlyDictionary<string, string[]> filters);

    /// <summary>Counts bucket 0 (the previous window) and bucket 1 (this window) of <paramref name="scope"/>.</summary>
    public abstract Task<(object Current, object Previous)> CountAsync(MetricEngine engine, MetricsReadDatabase reads, CountScope scope, CancellationToken ct);

    /// <summary>The figure <paramref name="field"/> for both windows, computed by the metric's own calculator.</summary>
    public abstract AlertReading Read(string field, object current, object previous);

    public IReadOnlyCollection<string> Dimensions => Query(new Dictionary<string, string[]>()).DimensionFilters().Keys.ToList();

    /// <summary>The filters as a count takes them (empty lists dropped, repeats removed).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> CountFilters(IReadOnlyDictionary<string, string[]> filters) =>
        Query(filters).DimensionFilters()
            .Where(f => f.Value is { Length: > 0 })
            .ToDictionary(f => f.Key, f => (IReadOnlyList<string>)[.. f.Value!.Distinct(StringComparer.Ordinal)]);

    public override string ToString() => EnumText<AlertMetricName>.ToText(Name);
}

internal sealed class AlertMetric<TCounts, TStats>(
    AlertMetricName name,
    Func<IReadOnlyDictionary<string, string[]>, IMetricQuery> query,
    Func<MetricEngine, CountScope, CancellationToken, Task<Counted<TCounts>>> count,
    Func<TCounts, TStats> compute,
    Func<TStats, long> n,
    Func<TStats, Interval?> ci95,
    Dictionary<string, Func<TCounts, TCounts, ChangeTest>> tests) : AlertMetric
{
    private readonly Dictionary<string, Func<object, double?>> _fields = FieldsOf(typeof(TStats));

    public override AlertMetricName Name => name;
    public override IReadOnlyCollection<string> Fields => _fields.Keys;
    public override IReadOnlyCollection<string> TestedFields => tests.Keys;
    public override IMetricQuery Query(IReadOnlyDictionary<string, string[]> filters) => query(filters);

    public override async Task<(object Current, object Previous)> CountAsync(
        MetricEngine engine, MetricsReadDatabase reads, CountScope scope, CancellationToken ct)
    {
        var counted = await count(engine, scope, ct);
        return (counted.At(1)!, counted.At(0)!);
    }

    public override AlertReading Read(string field, object current, object previous)
    {
        var (c, p) = ((TCounts)current, (TCounts)previous);
        var (now, before) = (compute(c)!, compute(p)!);
        var figure = _fields[field];
        return new AlertReading(figure(now), n(now), field == "value" ? ci95(now) : null, figure(before), n(before),
            tests.TryGetValue(field, out var test) ? test(c, p) : null);
    }

    /// <summary>Every number of the stats body by its JSON path, nested records (intervals, durations) included.</summary>
    private static Dictionary<string, Func<object, double?>> FieldsOf(Type type) =>
        JsonPaths.LeavesOf(type, JsonSetup.Wire)
            .Where(leaf => leaf.Type == typeof(double) || leaf.Type == typeof(long) || leaf.Type == typeof(int))
            .ToDictionary(leaf => leaf.Path, leaf => (Func<object, double?>)(o => leaf.Get(o) is { } v ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : null),
                StringComparer.Ordinal);
}
