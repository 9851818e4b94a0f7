using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Formats;
using CxApi.Common.Http;
using CxApi.Common.Validation;
using CxApi.Features.Deployments;
using CxApi.Features.Metrics;
using CxApi.Features.Operations.Calculators;
using CxApi.Features.Services;
using CxApi.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Features.Operations;

/// <summary>
/// <c>GET /v1/metrics/changes</c>: delivery seen from the customer. Deployments in the period, their change failure rate
/// (an incident within 24 h, or named as caused by them), their CX change failure rate (a measured cxRegression) and
/// the time to restore.
/// </summary>
public static class ChangesMetricApi
{

    public static IEndpointRouteBuilder MapChangesMetric(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/v1/metrics").WithTags("Metrics").RequireAuthorization(Policies.Read).WithMetadata(HttpCaching.Revalidate)
            .RejectUnknownQueryParameters()
            .MapGet("/changes", GetChangeMetrics).Validate<ChangesMetricQuery>().RequireKnownServices()
            .WithCsv<MetricReport<ChangeFigures>>("one row per group (one row without groupBy)")
            .WithName(nameof(GetChangeMetrics))
            .WithSummary("Deployments, change failure rate, CX change failure rate and time to restore, per service if asked");
        return app;
    }

    public static async Task<Ok<MetricReport<ChangeFigures>>> GetChangeMetrics(
        [AsParameters] ChangesMetricQuery query, MetricsReadDatabase reads, ImpactMeasurement measurement, TimeProvider clock, CancellationToken ct)
    {
        var request = MetricRequest.Of(query, clock);
        long from = UnixMicros.From(request.From), to = UnixMicros.From(request.To);
        var services = request.Filters.GetValueOrDefault("service") ?? [];
        var db = reads.Db;

        // Only what reaches customers counts: deployments to environments other than production are left out.
        var deployments = await db.Deployments.AsNoTracking()
            .Where(d => d.Environment == DeploymentRules.DefaultEnvironment && d.FinishedAtMicros >= from && d.FinishedAtMicros < to
                        && (services.Count == 0 || services.Contains(d.Service)))
            .OrderBy(d => d.FinishedAtMicros).ThenBy(d => d.Id)
            .Select(d => new ChangeRecord(d.Id, d.Service, d.FinishedAtMicros)).ToListAsync(ct);
        var ids = deployments.Select(d => d.Id).ToList();
        var until = to + (long)ChangeFailures.Window.TotalMicroseconds;
        var incidents = (await db.Incidents.AsNoTracking()
            .Where(i => (i.StartedAtMicros >= from && i.StartedAtMicros < until) || (i.CausedByDeploymentId != null && ids.Contains(i.CausedByDeploymentId)))
            .Select(i => new { i.Id, i.Services, i.Impact, i.StartedAtMicros, i.ResolvedAtMicros, i.CausedByDeploymentId }).ToListAsync(ct))
            .Select(i => new CausingIncident(i.Id, i.Services, i.Impact, i.StartedAtMicros, i.ResolvedAtMicros, i.CausedByDeploymentId)).ToList();

        var regressions = new List<bool?>(deployments.Count);
        foreach (var d in deployments) regressions.Add(await RegressionAsync(measurement, d, ct));

        var figures = ChangeFigures.Of(deployments, incidents, regressions);
        List<MetricGroup<ChangeFigures>>? groups = null;
        if (request.GroupBy is not null)
        {
            var keys = services.Count > 0 ? services : [.. deployments.Select(d => d.Service).Distinct().Order(StringComparer.Ordinal)];
            groups = [.. keys.Select(key =>
            {
                var own = deployments.Select((d, i) => (d, i)).Where(x => x.d.Service == key).ToList();
                return new MetricGroup<ChangeFigures>(key, ChangeFigures.Of([.. own.Select(x => x.d)], incidents, [.. own.Select(x => regressions[x.i])]));
            })];
        }
        return TypedResults.Ok(new MetricReport<ChangeFigures>(request.Header("changes", ChangeFailures.Definition), figures, groups));
    }

    /// <summary>Null when the 7-day after window has fewer than 30 responses; else whether the deployment is a cxRegression.</summary>
    private static async Task<bool?> RegressionAsync(ImpactMeasurement measurement, ChangeRecord deployment, CancellationToken ct) =>
        (await ImpactApi.DeploymentImpactAsync(measurement, deployment.Id, deployment.Service, deployment.FinishedAt, ct)).MeasuredRegression();
}
