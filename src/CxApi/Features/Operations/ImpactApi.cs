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
        var baseline = await measurement.CountAsync(incident.Services, baselineRange, ct);
        var during = await measurement.CountAsync(incident.Services, duringRange, ct);

        ImpactWindow? after = null;
        TimeRange? afterRange = null;
        if (incident.ResolvedAtMicros is { } resolved)
        {
            var (range, complete) = measurement.UpToNow(resolved, resolved + ImpactWindowRules.Micros(query.After, ImpactWindowRules.DefaultWindow));
            afterRange = range;
            after = ImpactMeasurement.Window(range, complete, await measurement.CountAsync(incident.Services, range, ct), baseline);
        }

        return TypedResults.Ok(new IncidentImpactReport(
            incident.Id, incident.Services, incident.ResolvedAtMicros is null,
            Seconds(incident.AcknowledgedAtMicros - started), Seconds(incident.ResolvedAtMicros - started),
            IncidentSpan.ImpactMinutes(started, incident.ResolvedAtMicros, now),
            ImpactMeasurement.Window(baselineRange, baselineComplete, baseline, null),
            ImpactMeasurement.Window(duringRange, duringComplete && incident.ResolvedAtMicros is not null, during, baseline),
            after,
            await AffectedAsync(db, incident.Services, incident.CustomerIds, duringRange, afterRange, ct)));
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

    /// <summary>A deployment's service 7 days before against 7 days after it finished, as the change metrics and the cx_regression watch judge it.</summary>
    public static Task<ChangeImpactReport> DeploymentImpactAsync(ImpactMeasurement measurement, string deploymentId, string service, long finishedAt,
        CancellationToken ct)
    {
        var window = ImpactWindowRules.Micros(null, ImpactWindowRules.DefaultWindow);
        return ChangeImpactAsync(measurement, deploymentId, [service], finishedAt, window, window, ct);
    }

    /// <summary>Before <c>[at − before, at)</c> against after <c>[at, at + after)</c>, both cut at now, and the regression verdict.</summary>
    public static async Task<ChangeImpactReport> ChangeImpactAsync(ImpactMeasurement measurement, string? deploymentId, IReadOnlyList<string> services,
        long at, long before, long after, CancellationToken ct)
    {
        var (beforeRange, beforeComplete) = measurement.UpToNow(at - before, at);
        var (afterRange, afterComplete) = measurement.UpToNow(at, at + after);
        return ChangeImpactReport.Of(deploymentId, services, at,
            (beforeRange, beforeComplete, await measurement.CountAsync(services, beforeRange, ct)),
            (afterRange, afterComplete, await measurement.CountAsync(services, afterRange, ct)));
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
