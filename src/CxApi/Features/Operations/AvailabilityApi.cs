using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Formats;
using CxApi.Common.Http;
using CxApi.Common.Validation;
using CxApi.Features.Metrics;
using CxApi.Features.Metrics.Calculators;
using CxApi.Features.Operations.Calculators;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

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
        app.MapGroup("/v1/metrics").WithTags("Metrics").RequireAuthorization(Policies.Read).WithMetadata(HttpCaching.Revalidate)
            .RejectUnknownQueryParameters()
            .MapGet("/availability", GetAvailability).Validate<AvailabilityQuery>()
            .WithCsv<MetricReport<AvailabilityFigures>>("one row per group (one row without groupBy)")
            .WithName(nameof(GetAvailability))
            .WithSummary("Availability of services from their incidents, plain and weighted by customer activity, with MTTA and MTTR");
        return app;
    }

    private sealed record Counted(List<string> Services, IncidentSeverity Severity, IncidentImpact Impact, long StartedAt, long? AcknowledgedAt, long? ResolvedAt);

    public static async Task<Ok<MetricReport<AvailabilityFigures>>> GetAvailability(
        [AsParameters] AvailabilityQuery query, MetricsReadDatabase reads, TimeProvider clock, CancellationToken ct)
    {
        var request = MetricRequest.Of(query, clock);
        var period = new TimeRange(UnixMicros.From(request.From), UnixMicros.From(request.To));
        var weight = query.PartialWeight ?? AvailabilityCalculator.DefaultPartialWeight;
        var services = request.Filters.GetValueOrDefault("service") ?? [];

        var (incidents, activity) = await LoadAsync(reads.Db, period, request.Filters, ct);
        var figures = Figures(period, weight, incidents, Sum(activity.Values));
        List<MetricGroup<AvailabilityFigures>>? groups = null;
        if (request.GroupBy is not null)
        {
            var keys = services.Count > 0 ? services : [.. incidents.SelectMany(i => i.Services).Distinct().Order(StringComparer.Ordinal)];
            groups = [.. keys.Select(key => new MetricGroup<AvailabilityFigures>(key,
                Figures(period, weight, [.. incidents.Where(i => i.Services.Contains(key))], activity.GetValueOrDefault(key) ?? new long[HourOfWeek.Count])))];
        }
        var header = request.Header("availability", AvailabilityCalculator.Definition);
        return TypedResults.Ok(new MetricReport<AvailabilityFigures>(header, figures, groups));
    }

    /// <summary>The figures of <c>/v1/metrics/availability</c> without groupBy, for callers other than the endpoint (alert rules).</summary>
    public static async Task<AvailabilityFigures> FiguresAsync(
        CxDbContext db, TimeRange period, IReadOnlyDictionary<string, IReadOnlyList<string>> filters, double partialWeight, CancellationToken ct)
    {
        var (incidents, activity) = await LoadAsync(db, period, filters, ct);
        return Figures(period, partialWeight, incidents, Sum(activity.Values));
    }

    /// <summary>The incidents overlapping the period that match the filters, and the activity that weights their seconds.</summary>
    private static async Task<(List<Counted> Incidents, Dictionary<string, long[]> Activity)> LoadAsync(
        CxDbContext db, TimeRange period, IReadOnlyDictionary<string, IReadOnlyList<string>> filters, CancellationToken ct)
    {
        var incidents = await RecordKinds.Incidents.WhereDimensions(db.Incidents.AsNoTracking(), filters)
            .Where(i => i.StartedAtMicros < period.To && (i.ResolvedAtMicros == null || i.ResolvedAtMicros > period.From))
            .Select(i => new Counted(i.Services, i.Severity, i.Impact, i.StartedAtMicros, i.AcknowledgedAtMicros, i.ResolvedAtMicros))
            .ToListAsync(ct);
        return (incidents, await ActivityAsync(db, filters.GetValueOrDefault("service") ?? [], period.From, ct));
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
    /// Responses and interactions naming one of <paramref name="services"/> (any service when none is given) in the
    /// 28 days before <paramref name="from"/>, counted per service and UTC hour of the week.
    /// </summary>
    private static async Task<Dictionary<string, long[]>> ActivityAsync(CxDbContext db, IReadOnlyList<string> services, long from, CancellationToken ct)
    {
        var since = from - (long)ActivityWindow.TotalMicroseconds;
        var named = services.ToList();
        var responses = await db.Responses.AsNoTracking()
            .Where(r => r.Service != null && (named.Count == 0 || named.Contains(r.Service)) && r.RespondedAtMicros >= since && r.RespondedAtMicros < from)
            .Select(r => new { Service = r.Service!, At = r.RespondedAtMicros }).ToListAsync(ct);
        var interactions = await db.Interactions.AsNoTracking()
            .Where(i => i.Service != null && (named.Count == 0 || named.Contains(i.Service)) && i.OpenedAtMicros >= since && i.OpenedAtMicros < from)
            .Select(i => new { Service = i.Service!, At = i.OpenedAtMicros }).ToListAsync(ct);
        var activity = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var record in responses.Concat(interactions))
        {
            if (!activity.TryGetValue(record.Service, out var buckets)) activity[record.Service] = buckets = new long[HourOfWeek.Count];
            buckets[HourOfWeek.Of(record.At)]++;
        }
        return activity;
    }

    private static long[] Sum(IEnumerable<long[]> activities)
    {
        var total = new long[HourOfWeek.Count];
        foreach (var buckets in activities)
            for (var h = 0; h < total.Length; h++) total[h] += buckets[h];
        return total;
    }
}
