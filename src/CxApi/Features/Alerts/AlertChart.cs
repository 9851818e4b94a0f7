using CxApi.Common;
using CxApi.Features.Charts;

namespace CxApi.Features.Alerts;

/// <summary>
/// The <c>chartUrl</c> of an alert event: the SVG chart of the rule's metric, with the rule's filters, over the window the
/// event was evaluated on, per day (per week beyond 92 days). A path on this API, to be fetched with an API key like any
/// other GET. It shows the metric's headline figure (<c>value</c>) whichever field the rule watches; for availability, the
/// availability chart.
/// </summary>
public static class AlertChart
{
    public static string PathFor(AlertRule rule, DateTimeOffset from, DateTimeOffset to)
    {
        var metric = EnumText<AlertMetricName>.ToText(rule.Metric);
        List<(string Name, string Value)> query = [("from", Rfc3339.Format(from)), ("to", Rfc3339.Format(to))];
        if (rule.Metric != AlertMetricName.Availability) query.Add(("interval", to - from <= TimeSpan.FromDays(92) ? "day" : "week"));
        foreach (var (name, values) in rule.Filters.OrderBy(f => f.Key, StringComparer.Ordinal))
            query.AddRange(values.Select(v => (name, v)));
        query.Add(("format", ChartFormats.Svg));
        var path = rule.Metric == AlertMetricName.Availability ? "/v1/metrics/availability" : $"/v1/metrics/{metric}/trend";
        return path + "?" + string.Join("&", query.Select(q => $"{Uri.EscapeDataString(q.Name)}={Uri.EscapeDataString(q.Value)}"));
    }
}
