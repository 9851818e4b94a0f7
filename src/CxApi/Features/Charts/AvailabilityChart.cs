using CxApi.Common;
using CxApi.Common.Charts;
using CxApi.Features.Metrics;
using CxApi.Features.Metrics.Calculators;
using CxApi.Features.Operations;
using CxApi.Features.Operations.Calculators;
using CxApi.Infrastructure;
using System.Globalization;
using System.Text;

namespace CxApi.Features.Charts;

/// <summary>
/// Availability as a chart: the same calculator as the figures, per calendar day of <c>tz</c> (per week beyond 92 days,
/// per month beyond two years) over the period, one line per service with <c>groupBy=service</c>, the incidents behind it
/// shaded and the deployments marked. Availability is counted from incidents, not sampled, so it has no interval band.
/// </summary>
public static class AvailabilityChart
{
    public const string Description =
        "The availability as an SVG chart: plain availability per day (per week beyond 92 days, per month beyond two years) in `tz`, " +
        "one line per service with groupBy, incidents shaded by impact and production deployments as ticks on the time axis.";

    public static async Task<Chart> DrawAsync(MetricReport<AvailabilityFigures> report, AvailabilityChartQuery query, HttpContext http, CancellationToken ct)
    {
        var zone = query.Tz is { } tz && MetricRequest.TryFindZone(tz, out var found) ? found : TimeZoneInfo.Utc;
        var (from, to) = (report.From, report.To);
        var length = to - from;
        var interval = length <= TimeSpan.FromDays(92) ? TrendInterval.Day : length <= TimeSpan.FromDays(731) ? TrendInterval.Week : TrendInterval.Month;
        var buckets = TimeBuckets.Cover(from, to, interval, zone) ?? [new TimeBucket(from, to)];
        var services = report.Filters.GetValueOrDefault("service") ?? [];
        var db = http.RequestServices.GetRequiredService<MetricsReadDatabase>().Db;
        var (incidents, deployments) = await ChartEvents.LoadAsync(db, from, to, services, ct);
        var weight = report.Stats.PartialWeight;

        ChartSeries Line(string? name, IEnumerable<ChartSpan> spans)
        {
            var counted = spans.Select(s => new IncidentSpan(UnixMicros.From(s.Start), UnixMicros.From(s.End), s.Impact)).ToList();
            return new ChartSeries(name, [.. buckets.Select(b =>
            {
                var range = new TimeRange(UnixMicros.From(Max(b.Start, from)), UnixMicros.From(Min(b.End, to)));
                return new ChartPoint(b.Start, b.End, AvailabilityCalculator.Compute(range, counted, weight).AvailabilityPct, null, null, null, false);
            })]);
        }

        List<ChartSeries> series = report.Groups is { } groups
            ? [.. groups.Select(g => Line(g.Key, incidents.Where(i => g.Key is not null && i.Services.Contains(g.Key))))]
            : [Line(null, incidents)];
        var title = $"Availability per {MetricRequest.NameOfInterval(interval)}{TrendChart.FilterText(report.Filters.ToDictionary(f => f.Key, f => f.Value.ToArray()))}";
        var description = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"{title}, times in {zone.Id}, from {Rfc3339.Format(from)} to {Rfc3339.Format(to)}. ");
        if (report.Stats.AvailabilityPct is { } plain) description.Append(CultureInfo.InvariantCulture, $"Over the period: {plain:0.###} % available");
        if (report.Stats.ExperienceWeightedAvailabilityPct is { } weighted)
            description.Append(CultureInfo.InvariantCulture, $", {weighted:0.###} % weighted by customer activity");
        description.Append(CultureInfo.InvariantCulture,
            $". {incidents.Count} incidents shaded, {deployments.Count} production deployments marked on the time axis.");
        return new Chart(title, description.ToString(), "Availability (%)", from, to, zone, series, incidents, deployments);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
