using CxApi.Common;
using CxApi.Common.Formats;
using CxApi.Common.Http;
using CxApi.Common.Validation;
using CxApi.Features.Metrics;
using CxApi.Features.Metrics.Calculators;
using CxApi.Features.Operations.Calculators;
using CxApi.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Features.Operations;

/// <summary>
/// <c>GET /v1/services/scorecard</c>: the table a CIO steers by. Per service of the catalogue: availability (plain and
/// experience-weighted), incidents and MTTR, CSAT and NPS, contacts per day, change failure rates, and what its
/// incidents cost in customer experience.
/// </summary>
public static class ScorecardApi
{
    public static IEndpointRouteBuilder MapScorecard(this IEndpointRouteBuilder app)
    {
        app.MapFigures("/v1/services").WithTags("Services")
            .MapGet("/scorecard", GetScorecard).Validate<ScorecardQuery>()
            .WithCsv<Scorecard>("one row per service")
            .WithName(nameof(GetScorecard))
            .WithSummary("The service scorecard: availability, incidents, MTTR, CSAT, NPS, contacts, change failure and incident CX cost per service, sortable");
        return app;
    }

    private sealed record Incident(List<string> Services, long StartedAt, long? ResolvedAt);

    public static async Task<Ok<Scorecard>> GetScorecard([AsParameters] ScorecardQuery query, MetricsReadDatabase reads, MetricEngine engine,
        ImpactMeasurement measurement, TimeProvider clock, CancellationToken ct)
    {
        var request = MetricRequest.Of(query, clock);
        var period = new TimeRange(UnixMicros.From(request.From), UnixMicros.From(request.To));
        var db = reads.Db;
        // Several API clients may each keep a service under the same key; the figures are per key, so one row each.
        var services = (await db.Services.AsNoTracking().OrderBy(s => s.ExternalId).ThenBy(s => s.Id)
                .Select(s => new { Key = s.ExternalId!, s.Name, s.Tier, s.CustomerFacing, s.Team }).ToListAsync(ct))
            .DistinctBy(s => s.Key).ToList();
        var keys = services.Select(s => s.Key).ToList();
        var sort = query.Sort ?? ScorecardSort.Default;
        if (keys.Count == 0) return TypedResults.Ok(new Scorecard(request.From, request.To, sort, []));

        var perService = new CountScope(period.From, period.To, new Dictionary<string, IReadOnlyList<string>> { ["service"] = keys }, "service");
        var csat = Totals(await engine.ResponsesAsync(SurveyKind.Csat, perService, ct));
        var nps = Totals(await engine.ResponsesAsync(SurveyKind.Nps, perService, ct));
        var contacts = Totals(await engine.InteractionsAsync(perService, InteractionCalculator.DefaultSlaSeconds, ct, durations: false));
        var changes = await ChangeSet.LoadAsync(db, measurement, keys, period.From, period.To, ct);
        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => i.Impact != IncidentImpact.Maintenance && i.StartedAtMicros >= period.From && i.StartedAtMicros < period.To)
            .Select(i => new Incident(i.Services, i.StartedAtMicros, i.ResolvedAtMicros)).ToListAsync(ct);
        var availability = await AvailabilityApi.PerServiceAsync(engine, db, period, keys, AvailabilityCalculator.DefaultPartialWeight, ct);
        var days = (period.To - period.From) / 86_400e6;
        var now = measurement.Now;
        var baseline = ImpactWindowRules.Micros(null, ImpactWindowRules.DefaultBaseline);
        var settled = await measurement.SettledAsync(keys, period.From - baseline, now, ct);

        var rows = new List<ScorecardRow>(services.Count);
        foreach (var service in services)
        {
            var available = availability[service.Key];
            var own = incidents.Where(i => i.Services.Contains(service.Key)).ToList();
            var deltas = await CsatDeltasAsync(measurement, settled, service.Key, own, baseline, now, ct);
            CsatStats csatStats = CsatCalculator.Compute(csat.GetValueOrDefault(service.Key) ?? new Distribution());
            NpsStats npsStats = NpsCalculator.Compute(nps.GetValueOrDefault(service.Key) ?? new Distribution());
            var serviceChanges = changes.Figures(service.Key);
            rows.Add(new ScorecardRow(service.Key, service.Name, service.Tier, service.CustomerFacing, service.Team,
                available.AvailabilityPct, available.ExperienceWeightedAvailabilityPct, available.Incidents, available.Mttr,
                new ScoredFigure(csatStats.Value, csatStats.Responses, csatStats.Ci95), new ScoredFigure(npsStats.Value, npsStats.Responses, npsStats.Ci95),
                (contacts.GetValueOrDefault(service.Key)?.Count ?? 0) / days,
                serviceChanges.ChangeFailureRate, serviceChanges.CxChangeFailureRate,
                own.Sum(i => IncidentSpan.ImpactMinutes(i.StartedAt, i.ResolvedAt, now)),
                deltas.Count > 0 ? deltas.Average() : null, deltas.Count));
        }
        return TypedResults.Ok(new Scorecard(request.From, request.To, sort, ScorecardSort.Apply(rows, sort)));
    }

    /// <summary>
    /// Per incident with responses both before and during it: CSAT during the incident (to now while ongoing) minus CSAT
    /// in the <paramref name="baseline"/> before it. One count for all the service's incidents; the deltas of resolved
    /// incidents are kept while no write touches their windows.
    /// </summary>
    private static async Task<List<double>> CsatDeltasAsync(ImpactMeasurement measurement, SettledView settled, string service,
        List<Incident> incidents, long baseline, long now, CancellationToken ct)
    {
        var deltas = await settled.GetOrCountAsync("csat-delta", incidents,
            i => (service, $"{i.StartedAt}-{i.ResolvedAt}", new TimeRange(i.StartedAt - baseline, i.ResolvedAt ?? long.MaxValue)),
            async missing =>
            {
                var csat = await measurement.CsatAsync([service], [.. missing.SelectMany(i => new[]
                {
                    new TimeRange(i.StartedAt - baseline, i.StartedAt), new TimeRange(i.StartedAt, Math.Min(i.ResolvedAt ?? now, now)),
                })], ct);
                return (IReadOnlyList<double?>)[.. Enumerable.Range(0, missing.Count)
                    .Select(i => CsatCalculator.Compute(csat[2 * i + 1]).Value - CsatCalculator.Compute(csat[2 * i]).Value)];
            });
        return [.. deltas.OfType<double>()];
    }

    private static Dictionary<string, T> Totals<T>(Counted<T> counted) =>
        counted.Groups().Where(g => g.Key is not null).ToDictionary(g => g.Key!, g => g.Total, StringComparer.Ordinal);
}
