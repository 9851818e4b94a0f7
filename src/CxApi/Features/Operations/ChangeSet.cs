using CxApi.Features.Deployments;
using CxApi.Features.Metrics.Calculators;
using CxApi.Features.Operations.Calculators;
using CxApi.Infrastructure;
using Microsoft.EntityFrameworkCore;
using System.Globalization;

namespace CxApi.Features.Operations;

/// <summary>
/// The production deployments that finished in a period on some services, the incidents that may have failed them, and
/// each deployment's CX verdict: what <c>/v1/metrics/changes</c> and the scorecard compute their change figures from.
/// </summary>
/// <param name="Regressions">Per deployment, in order: null when its 7-day after window has fewer than 30 responses, else whether it is a cxRegression.</param>
public sealed record ChangeSet(IReadOnlyList<ChangeRecord> Deployments, IReadOnlyList<CausingIncident> Incidents, IReadOnlyList<bool?> Regressions)
{
    /// <summary>The figures of all deployments, or of one service's.</summary>
    public ChangeFigures Figures(string? service)
    {
        var own = Enumerable.Range(0, Deployments.Count).Where(i => service is null || Deployments[i].Service == service).ToList();
        return ChangeFigures.Of([.. own.Select(i => Deployments[i])], Incidents, [.. own.Select(i => Regressions[i])]);
    }

    public static async Task<ChangeSet> LoadAsync(CxDbContext db, ImpactMeasurement measurement, IReadOnlyList<string> services, long from, long to,
        CancellationToken ct)
    {
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

        // One count per service for all its deployments' windows; verdicts whose windows are over are kept while no
        // write touches them.
        var regressions = new bool?[deployments.Count];
        var window = ImpactWindowRules.Micros(null, ImpactWindowRules.DefaultWindow);
        var settled = await measurement.SettledAsync(services.Count > 0 ? services : null, from - window, to + window, ct);
        foreach (var own in Enumerable.Range(0, deployments.Count).GroupBy(i => deployments[i].Service))
        {
            var verdicts = await settled.GetOrCountAsync("verdict", [.. own],
                i => (own.Key, deployments[i].FinishedAt.ToString(CultureInfo.InvariantCulture),
                    new TimeRange(deployments[i].FinishedAt - window, deployments[i].FinishedAt + window)),
                missing => ImpactApi.DeploymentVerdictsAsync(measurement, own.Key, [.. missing.Select(i => (deployments[i].Id, deployments[i].FinishedAt))], ct));
            foreach (var (i, verdict) in own.Zip(verdicts)) regressions[i] = verdict;
        }
        return new ChangeSet(deployments, incidents, regressions);
    }
}
