using CxApi.Common;
using CxApi.Common.Formats;
using CxApi.Common.Http;
using CxApi.Common.Validation;
using CxApi.Features.Charts;
using CxApi.Features.Metrics;
using CxApi.Features.Metrics.Calculators;
using CxApi.Features.Operations.Calculators;
using CxApi.Features.Services;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Globalization;

namespace CxApi.Features.Operations;

/// <summary>
/// <c>GET /v1/metrics/availability</c>: availability of services from their incidents, weighted by when customers are
/// active (responses and interactions naming the service in the 28 days before <c>from</c>, by UTC hour of the week).
/// </summary>
public static class AvailabilityApi
{
    public static readonly TimeSpan ActivityWindow = TimeSpan.FromDays(28);

    public static IEndpointRouteBuilder MapAvailability(this IEndpointRouteBuilder app)
    {
        app.MapFigures("/v1/metrics").WithTags("Metrics")
            .MapGet("/availability", GetAvailability).Validate<AvailabilityQuery>().RequireKnownServices()
            .WithCsv<MetricReport<AvailabilityFigures>>("one row per group (one row without groupBy)")
            .WithSvgChart<AvailabilityChartQuery, MetricReport<AvailabilityFigures>>(AvailabilityChart.Description, AvailabilityChart.DrawAsync)
            .WithName(nameof(GetAvailability))
            .WithSummary("Availability of services from their incidents, plain and weighted by customer activity, with MTTA and MTTR");
        return app;
    }

    private sealed record Counted(List<string> Services, IncidentSeverity Severity, IncidentImpact Impact, long StartedAt, long? AcknowledgedAt, long? ResolvedAt);

    public static async Task<Ok<MetricReport<AvailabilityFigures>>> GetAvailability(
        [AsParameters] AvailabilityQuery query, [AsParameters] AvailabilityChartQuery chart, MetricsReadDatabase reads, MetricEngine engine, TimeProvider clock, CancellationToken ct)
    {
        var request = MetricRequest.Of(query, clock);
        var period = new TimeRange(UnixMicros.From(request.From), UnixMicros.From(request.To));
        var weight = query.PartialWeight ?? AvailabilityCalculator.DefaultPartialWeight;
        var services = request.Filters.GetValueOrDefault("service") ?? [];

        var (incidents, activity) = await LoadAsync(engine, reads.Db, period, request.Filters, ct);
        var figures = Figures(period, weight, incidents, Sum(activity.Values));
        List<MetricGroup<AvailabilityFigures>>? groups = null;
        if (request.GroupBy is not null)
        {
            var keys = services.Count > 0 ? services : [.. incidents.SelectMany(i => i.Services).Distinct().Order(StringComparer.Ordinal)];
            groups = [.. keys.Select(key => new MetricGroup<AvailabilityFigures>(key,
                Figures(period, weight, [.. incidents.Where(i => i.Services.Contains(key))], activity.GetValueOrDefault(key) ?? new long[HourOfWeek.Count])))];
        }
        // Incidents have no rollups: once purged, they are gone from the figures, which the body says.
        var header = request.Header("availability", AvailabilityCalculator.Definition) with
        {
            RecordsPurged = await engine.RecordsPurgedAsync(RecordKinds.Incidents, request.From, ct),
        };
        return TypedResults.Ok(new MetricReport<AvailabilityFigures>(header, figures, groups));
    }

    /// <summary>The figures of <c>/v1/metrics/availability</c> without groupBy, for callers other than the endpoint (alert rules).</summary>
    public static async Task<AvailabilityFigures> FiguresAsync(MetricEngine engine, CxDbContext db, TimeRange period,
        IReadOnlyDictionary<string, IReadOnlyList<string>> filters, double partialWeight, CancellationToken ct)
    {
        var (incidents, activity) = await LoadAsync(engine, db, period, filters, ct);
        return Figures(period, partialWeight, incidents, Sum(activity.Values));
    }

    /// <summary>The figures of each service, as <c>groupBy=service</c> gives them, from one load (the scorecard).</summary>
    public static async Task<IReadOnlyDictionary<string, AvailabilityFigures>> PerServiceAsync(MetricEngine engine, CxDbContext db, TimeRange period,
        IReadOnlyList<string> services, double partialWeight, CancellationToken ct)
    {
        var (incidents, activity) = await LoadAsync(engine, db, period, new Dictionary<string, IReadOnlyList<string>> { ["service"] = services }, ct);
        return services.Distinct(StringComparer.Ordinal).ToDictionary(key => key, key => Figures(period, partialWeight,
            [.. incidents.Where(i => i.Services.Contains(key))], activity.GetValueOrDefault(key) ?? new long[HourOfWeek.Count]), StringComparer.Ordinal);
    }

    /// <summary>The incidents overlapping the period that match the filters, and the activity that weights their seconds.</summary>
    private static async Task<(List<Counted> Incidents, Dictionary<string, long[]> Activity)> LoadAsync(
        MetricEngine engine, CxDbContext db, TimeRange period, IReadOnlyDictionary<string, IReadOnlyList<string>> filters, CancellationToken ct)
    {
        var incidents = await RecordKinds.Incidents.WhereDimensions(db.Incidents.AsNoTracking(), filters)
            .Where(i => i.StartedAtMicros < period.To && (i.ResolvedAtMicros == null || i.ResolvedAtMicros > period.From))
            .Select(i => new Counted(i.Services, i.Severity, i.Impact, i.StartedAtMicros, i.AcknowledgedAtMicros, i.ResolvedAtMicros))
            .ToListAsync(ct);
        return (incidents, await ActivityAsync(engine, filters.GetValueOrDefault("service") ?? [], period.From, ct));
    }

    private static AvailabilityFigures Figures(TimeRange period, double weight, List<Counted> incidents, long[] activity)
    {
        var spans = incidents.Select(i => new IncidentSpan(i.StartedAt, i.ResolvedAt, i.Impact)).ToList();
        var started = incidents.Where(i => i.Impact != IncidentImpact.Maintenance && i.StartedAt >= period.From && i.StartedAt < period.To).ToList();
        var counts = new IncidentCounts(started.Count, Count(started, IncidentSeverity.Sev1), Count(started, IncidentSeverity.Sev2),
            Count(started, IncidentSeverity.Sev3), Count(started, IncidentSeverity.Sev4));
        return AvailabilityFigures.Of(
            AvailabilityCalculator.Compute(period, spans, weight),
            ExperienceWeightedAvailability.Compute(period, spans, activity, weight),
            counts,
            DurationSummary.Of([.. started.Where(i => i.AcknowledgedAt is not null).Select(i => (i.AcknowledgedAt!.Value - i.StartedAt) / 1e6)]),
            DurationSummary.Of([.. started.Where(i => i.ResolvedAt is not null).Select(i => (i.ResolvedAt!.Value - i.StartedAt) / 1e6)]));
    }

    private static long Count(List<Counted> incidents, IncidentSeverity severity) => incidents.Count(i => i.Severity == severity);

    /// <summary>
    /// Responses and interactions naming one of <paramref name="services"/> (any service when none is given) in the 672
    /// whole UTC hours (28 days) before the hour <paramref name="from"/> falls in, counted per service and hour of the week.
    /// Each service's profile is one range read of its hourly rollup rows (all services: each value the rollups hold),
    /// kept while no write touches its 28 days (<see cref="SettledFigures"/>). The profiles are shared: read, never change
    /// them. Without rollups, the metric engine counts the records.
    /// </summary>
    private static async Task<Dictionary<string, long[]>> ActivityAsync(MetricEngine engine, IReadOnlyList<string> services, long from, CancellationToken ct)
    {
        var until = from - from % TimeSegments.Hour;
        var since = until - (long)ActivityWindow.TotalMicroseconds;
        if (engine.UsesRollups)
        {
            IReadOnlyList<string> keys = services.Count > 0 ? [.. services.Distinct(StringComparer.Ordinal)]
                : [.. ((await engine.RolledUpValuesAsync(RecordKinds.Responses, "service", ct)) ?? [])
                    .Union((await engine.RolledUpValuesAsync(RecordKinds.Interactions, "service", ct)) ?? [], StringComparer.Ordinal)];
            var view = await engine.SettledAsync(services.Count > 0 ? keys : null, since, until, ct);
            var key = until.ToString(CultureInfo.InvariantCulture);
            var profiles = await view.GetOrCountAsync("activity", keys, service => (service, key, new TimeRange(since, until)),
                missing => HourlyProfilesAsync(engine, missing, since, until, ct));
            return keys.Zip(profiles).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        }

        var activity = new Dictionary<string, long[]>(StringComparer.Ordinal);
        List<long> boundaries = [.. Enumerable.Range(0, (int)(ActivityWindow / TimeSpan.FromHours(1)) + 1).Select(h => since + h * TimeSegments.Hour)];
        var filters = services.Count > 0 ? new Dictionary<string, IReadOnlyList<string>> { ["service"] = services } : [];
        var scope = new CountScope(since, until, filters, "service", boundaries);
        void AddAll<T>(Counted<T> counted, Func<T, long> count)
        {
            foreach (var (service, at, _) in counted.Groups())
                if (service is not null)
                    for (var b = 0; b + 1 < boundaries.Count; b++)
                    {
                        if (!activity.TryGetValue(service, out var hours)) activity[service] = hours = new long[HourOfWeek.Count];
                        hours[HourOfWeek.Of(boundaries[b])] += count(at(b));
                    }
        }
        foreach (var kind in Enum.GetValues<SurveyKind>()) AddAll(await engine.ResponsesAsync(kind, scope, ct), d => d.N);
        AddAll(await engine.InteractionsAsync(scope, InteractionCalculator.DefaultSlaSeconds, ct), c => c.Count);
        return activity;
    }

    /// <summary>Each service's responses and interactions per hour of the week in <c>[since, until)</c>, from the hourly rollups.</summary>
    private static async Task<IReadOnlyList<long[]>> HourlyProfilesAsync(MetricEngine engine, IReadOnlyList<string> services, long since, long until,
        CancellationToken ct)
    {
        var profiles = services.Distinct(StringComparer.Ordinal).ToDictionary(s => s, _ => new long[HourOfWeek.Count], StringComparer.Ordinal);
        foreach (var kind in new RecordKind[] { RecordKinds.Responses, RecordKinds.Interactions })
            foreach (var row in await engine.HourlyCountsAsync(kind, "service", services, since, until, ct) ?? [])
                profiles[row.Value][HourOfWeek.Of(row.HourStartMicros)] += row.Count;
        return [.. services.Select(s => profiles[s])];
    }

    private static long[] Sum(IEnumerable<long[]> activities)
    {
        var total = new long[HourOfWeek.Count];
        foreach (var buckets in activities)
            for (var h = 0; h < total.Length; h++) total[h] += buckets[h];
        return total;
    }
}
