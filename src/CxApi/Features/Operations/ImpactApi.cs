using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Http;
using CxApi.Common.Paging;
using CxApi.Common.Problems;
using CxApi.Common.Validation;
using CxApi.Features.Metrics.Calculators;
using CxApi.Features.Operations.Calculators;
using CxApi.Features.Services;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Linq.Expressions;

namespace CxApi.Features.Operations;

/// <summary>
/// What an incident, a deployment or any instant did to customer experience on some services: CSAT, NPS, CES, rating,
/// review stars, contacts per hour and first-response time in windows around it, each tested against its baseline.
/// </summary>
public static class ImpactApi
{
    public static IEndpointRouteBuilder MapImpact(this IEndpointRouteBuilder app)
    {
        var measured = app.MapFigures("/v1");
        measured.MapGet("/incidents/{id}/impact", GetIncidentImpact).WithTags("Incidents").Validate<IncidentImpactQuery>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Named(GetIncidentImpact, "What an incident did to CSAT, NPS, CES, ratings, reviews and contacts: before, during and after, with significance");
        measured.MapGet("/deployments/{id}/impact", GetDeploymentImpact).WithTags("Deployments").Validate<DeploymentImpactQuery>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Named(GetDeploymentImpact, "CX before and after a deployment finished, and whether it is a CX regression (Holm-corrected)");
        measured.MapGet("/metrics/impact", GetImpact).WithTags("Metrics").Validate<ImpactQuery>().RequireKnownServices()
            .Named(GetImpact, "CX on some services before and after any instant (a go-live, a campaign), and whether it regressed");
        return app;
    }

    public static async Task<Results<Ok<IncidentImpactReport>, ProblemHttpResult>> GetIncidentImpact(
        string id, [AsParameters] IncidentImpactQuery query, CxDbContext db, Caller caller, ImpactMeasurement measurement, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null) return Problems.NotFound("incident", id);

        long started = incident.StartedAtMicros, now = measurement.Now, ended = incident.ResolvedAtMicros ?? now;
        var baselineLength = ImpactWindowRules.Micros(query.Baseline, ImpactWindowRules.DefaultBaseline);
        var (baselineRange, baselineComplete) = measurement.UpToNow(started - baselineLength, started);
        var (duringRange, duringComplete) = measurement.UpToNow(started, ended);
        var afterWindow = incident.ResolvedAtMicros is { } resolved
            ? measurement.UpToNow(resolved, resolved + ImpactWindowRules.Micros(query.After, ImpactWindowRules.DefaultWindow))
            : ((TimeRange Range, bool Complete)?)null;
        var counts = await measurement.CountAsync(incident.Services,
            [baselineRange, duringRange, .. afterWindow is { } a ? new[] { a.Range } : []], ct);
        var (baseline, during) = (counts[0], counts[1]);
        var after = afterWindow is var (afterRange, afterComplete) ? ImpactMeasurement.Window(afterRange, afterComplete, counts[2], baseline) : null;

        return TypedResults.Ok(new IncidentImpactReport(
            incident.Id, incident.Services, incident.ResolvedAtMicros is null,
            Seconds(incident.AcknowledgedAtMicros - started), Seconds(incident.ResolvedAtMicros - started),
            IncidentSpan.ImpactMinutes(started, incident.ResolvedAtMicros, now),
            ImpactMeasurement.Window(baselineRange, baselineComplete, baseline, null),
            ImpactMeasurement.Window(duringRange, duringComplete && incident.ResolvedAtMicros is not null, during, baseline),
            after,
            await AffectedAsync(db, incident.Services, incident.CustomerIds, duringRange, afterWindow?.Range, ct)));
    }

    public static async Task<Results<Ok<ChangeImpactReport>, ProblemHttpResult>> GetDeploymentImpact(
        string id, [AsParameters] DeploymentImpactQuery query, CxDbContext db, Caller caller, ImpactMeasurement measurement, CancellationToken ct)
    {
        var deployment = await db.Deployments.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (deployment is null) return Problems.NotFound("deployment", id);
        return TypedResults.Ok(await ChangeImpactAsync(measurement, deployment.Id, [deployment.Service], deployment.FinishedAtMicros,
            ImpactWindowRules.Micros(query.Before, ImpactWindowRules.DefaultWindow), ImpactWindowRules.Micros(query.After, ImpactWindowRules.DefaultWindow), ct));
    }

    public static async Task<Ok<ChangeImpactReport>> GetImpact([AsParameters] ImpactQuery query, ImpactMeasurement measurement, CancellationToken ct)
    {
        var at = UnixMicros.From(Rfc3339.TryParse(query.At, out var instant) ? instant : throw new InvalidOperationException("validated"));
        return TypedResults.Ok(await ChangeImpactAsync(measurement, null, [.. query.Service!.Distinct(StringComparer.Ordinal)], at,
            ImpactWindowRules.Micros(query.Before, ImpactWindowRules.DefaultWindow), ImpactWindowRules.Micros(query.After, ImpactWindowRules.DefaultWindow), ct));
    }

    /// <summary>Deployments on one service, each 7 days before against 7 days after it finished, as the change metrics and the cx_regression watch judge them.</summary>
    public static Task<IReadOnlyList<ChangeImpactReport>> DeploymentImpactsAsync(ImpactMeasurement measurement, string service,
        IReadOnlyList<(string? DeploymentId, long FinishedAt)> deployments, CancellationToken ct)
    {
        var window = ImpactWindowRules.Micros(null, ImpactWindowRules.DefaultWindow);
        return ChangeImpactsAsync(measurement, [service], deployments, window, window, ct);
    }

    /// <summary>
    /// The measured verdict (<see cref="ChangeImpactReport.MeasuredRegression"/>) of each deployment of
    /// <see cref="DeploymentImpactsAsync"/>, counting only the figures the verdict tests.
    /// </summary>
    public static async Task<IReadOnlyList<bool?>> DeploymentVerdictsAsync(ImpactMeasurement measurement, string service,
        IReadOnlyList<(string? DeploymentId, long FinishedAt)> deployments, CancellationToken ct)
    {
        var window = ImpactWindowRules.Micros(null, ImpactWindowRules.DefaultWindow);
        return [.. (await ChangeImpactsAsync(measurement, [service], deployments, window, window, ct, verdictOnly: true)).Select(r => r.MeasuredRegression())];
    }

    public static async Task<ChangeImpactReport> ChangeImpactAsync(ImpactMeasurement measurement, string? deploymentId, IReadOnlyList<string> services,
        long at, long before, long after, CancellationToken ct) =>
        (await ChangeImpactsAsync(measurement, services, [(deploymentId, at)], before, after, ct))[0];

    /// <summary>For each instant, before <c>[at − before, at)</c> against after <c>[at, at + after)</c>, both cut at now, and the regression verdict; one count for all.</summary>
    private static async Task<IReadOnlyList<ChangeImpactReport>> ChangeImpactsAsync(ImpactMeasurement measurement, IReadOnlyList<string> services,
        IReadOnlyList<(string? DeploymentId, long At)> instants, long before, long after, CancellationToken ct, bool verdictOnly = false)
    {
        var windows = instants.Select(i => (Before: measurement.UpToNow(i.At - before, i.At), After: measurement.UpToNow(i.At, i.At + after))).ToList();
        var counts = await measurement.CountAsync(services, [.. windows.SelectMany(w => new[] { w.Before.Range, w.After.Range })], ct, verdictOnly);
        return [.. instants.Select((instant, i) => ChangeImpactReport.Of(instant.DeploymentId, services, instant.At,
            (windows[i].Before.Range, windows[i].Before.Complete, counts[2 * i]), (windows[i].After.Range, windows[i].After.Complete, counts[2 * i + 1])))];
    }

    private static double? Seconds(long? micros) => micros / 1e6;

    /// <summary>The listed customers plus those with a record on the services during the incident, and how many of them were unhappy after it.</summary>
    private static async Task<AffectedCustomers> AffectedAsync(CxDbContext db, List<string> services, List<string> listed, TimeRange during,
        TimeRange? after, CancellationToken ct)
    {
        var filter = new Dictionary<string, IReadOnlyList<string>> { ["service"] = services };
        Task<List<string>> CustomersAsync<T>(RecordKind<T> kind, IQueryable<T> records, Expression<Func<T, string?>> customer) where T : RecordEntity =>
            kind.WhereDimensions(records.AsNoTracking(), filter).InRange(kind.Time, during.From, during.To)
                .Select(customer).Where(c => c != null).Select(c => c!).Distinct().ToListAsync(ct);
        var withRecords = new HashSet<string>(StringComparer.Ordinal);
        withRecords.UnionWith(await CustomersAsync(RecordKinds.Responses, db.Responses, r => r.CustomerId));
        withRecords.UnionWith(await CustomersAsync(RecordKinds.Interactions, db.Interactions, r => r.CustomerId));
        withRecords.UnionWith(await CustomersAsync(RecordKinds.Reviews, db.Reviews, r => r.CustomerId));

        var listedSet = listed.ToHashSet(StringComparer.Ordinal);
        var all = withRecords.Union(listedSet, StringComparer.Ordinal).ToList();
        long? unhappy = null;
        if (after is { } a)
        {
            var candidates = all;
            unhappy = all.Count == 0 ? 0 : await db.Responses.AsNoTracking()
                .InRange(RecordKinds.Responses.Time, a.From, a.To)
                .Where(r => r.CustomerId != null && candidates.Contains(r.CustomerId)
                    && ((r.Kind == SurveyKind.Nps && r.Score <= 6) || (r.Kind == SurveyKind.Csat && r.Score <= 2)))
                .Select(r => r.CustomerId).Distinct().LongCountAsync(ct);
        }
        return new AffectedCustomers(all.Count, listedSet.Count, withRecords.Count, unhappy);
    }
}
