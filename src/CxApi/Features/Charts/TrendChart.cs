using CxApi.Common.Charts;
using CxApi.Infrastructure;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CxApi.Features.Charts;

/// <summary>
/// A metric trend as a chart. It is drawn from the trend's JSON body, the numbers the JSON answer carries and no
/// others: each point's <c>value</c>, <c>ci95</c> and <c>lowSample</c>, one line per series with <c>groupBy</c>.
/// </summary>
public static class TrendChart
{
    /// <summary>Each metric's headline figure (a trend point's <c>value</c>) as the value axis names it.</summary>
    private static readonly Dictionary<string, string> ValueLabels = new(StringComparer.Ordinal)
    {
        ["nps"] = "NPS (−100 to 100)",
        ["csat"] = "CSAT (% satisfied)",
        ["ces"] = "CES (mean, 1–7)",
        ["sus"] = "SUS score (0–100)",
        ["rating"] = "UX rating (mean, 1–5)",
        ["reviews"] = "Review rating (mean stars)",
        ["interactions"] = "SLA attainment (%)",
    };

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["nps"] = "NPS",
        ["csat"] = "CSAT",
        ["ces"] = "CES",
        ["sus"] = "SUS",
        ["rating"] = "UX rating",
        ["reviews"] = "Review rating",
        ["interactions"] = "SLA attainment",
    };

    public const string Description =
        "The trend as an SVG chart: a line per series through each bucket's value with its 95 % interval as a band, low-sample " +
        "points hollow, incidents shaded and production deployments as ticks on the time axis (of the filtered services), labels in `tz`.";

    public static async Task<Chart> DrawAsync(object body, ChartQuery query, HttpContext http, CancellationToken ct)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var trend = JsonSerializer.SerializeToElement(body, body.GetType(), options);
        var metric = trend.GetProperty("metric").GetString()!;
        var interval = trend.GetProperty("interval").GetString()!;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(trend.GetProperty("tz").GetString()!);
        var filters = trend.GetProperty("filters").Deserialize<Dictionary<string, string[]>>(options) ?? [];
        var series = trend.GetProperty("series") is { ValueKind: JsonValueKind.Array } groups
            ? [.. groups.EnumerateArray().Select(g => new ChartSeries(g.GetProperty("key").GetString() ?? "(none)", Points(g.GetProperty("points"))))]
            : new List<ChartSeries> { new(null, Points(trend.GetProperty("points"))) };
        var buckets = Points(trend.GetProperty("points")); // the whole period's buckets, also with groupBy (whose groups may be none)
        var (from, to) = buckets.Count > 0
            ? (buckets[0].Start, buckets[^1].End)
            : (trend.GetProperty("from").GetDateTimeOffset(), trend.GetProperty("to").GetDateTimeOffset());

        var db = http.RequestServices.GetRequiredService<MetricsReadDatabase>().Db;
        var (incidents, deployments) = await ChartEvents.LoadAsync(db, from, to, filters.GetValueOrDefault("service") ?? [], ct);
        var name = Names.GetValueOrDefault(metric, metric);
        var title = $"{name} per {interval}{FilterText(filters)}";
        return new Chart(title, Describe(title, series, incidents.Count, deployments.Count, zone), ValueLabels.GetValueOrDefault(metric, metric),
            from, to, zone, series, incidents, deployments);
    }

    private static List<ChartPoint> Points(JsonElement points) =>
    [
        .. points.EnumerateArray().Select(p => new ChartPoint(
            p.GetProperty("periodStart").GetDateTimeOffset(), p.GetProperty("periodEnd").GetDateTimeOffset(),
            Number(p, "value"),
            p.TryGetProperty("ci95", out var ci) && ci.ValueKind == JsonValueKind.Object ? Number(ci, "low") : null,
            p.TryGetProperty("ci95", out ci) && ci.ValueKind == JsonValueKind.Object ? Number(ci, "high") : null,
            Count(p),
            p.TryGetProperty("lowSample", out var low) && low.GetBoolean())),
    ];

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static readonly string[] CountFields = ["responses", "count"];

    private static long? Count(JsonElement point) =>
        CountFields.Select(n => point.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : (long?)null)
            .FirstOrDefault(n => n is not null);

    public static string FilterText(IReadOnlyDictionary<string, string[]> filters) =>
        filters.Count == 0 ? "" : " (" + string.Join("; ", filters.Select(f => $"{f.Key}: {string.Join(", ", f.Value)}")) + ")";

    private static string Describe(string title, List<ChartSeries> series, int incidents, int deployments, TimeZoneInfo zone)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{title}, times in {zone.Id}. ");
        foreach (var line in series)
        {
            var withData = line.Points.Where(p => p.Value is not null).ToList();
            text.Append(line.Name is null ? "" : $"{line.Name}: ")
                .Append(CultureInfo.InvariantCulture, $"{withData.Count} of {line.Points.Count} buckets have data");
            if (withData.Count > 0)
            {
                var last = withData[^1];
                text.Append(CultureInfo.InvariantCulture, $"; the latest is {last.Value:0.##}");
                if (last.Low is { } l && last.High is { } h) text.Append(CultureInfo.InvariantCulture, $" (95 % interval {l:0.##} to {h:0.##})");
                var low = withData.Count(p => p.LowSample);
                if (low > 0) text.Append(CultureInfo.InvariantCulture, $"; {low} from fewer than 30 observations (hollow points)");
            }
            text.Append(". ");
        }
        return text.Append(CultureInfo.InvariantCulture, $"{incidents} incidents shaded, {deployments} production deployments marked on the time axis.").ToString();
    }
}
