using CxApi.Common;
using CxApi.Features.Operations;
using CxApi.Features.Webhooks;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CxApi.Features.Deployments;

/// <summary>
/// One pass of the <c>deployment.cx_regression</c> watch: each production deployment not yet settled whose 7-day after
/// window has begun (or ended less than <see cref="CxRegressionWatchOptions.Grace"/> ago) is measured as
/// <c>GET /v1/deployments/{id}/impact</c> does. It is settled, with the event, as soon as its after window has 30
/// responses and a cxRegression; else it is settled when the window has ended, with the event if the whole window
/// regressed (whatever its response count: no more evidence will come). Settling is an update of
/// <see cref="DeploymentEntity.CxVerdictAtMicros"/> conditional on it being null, in one transaction with the outbox
/// rows: when passes overlap (two instances, a restart), exactly one settles a deployment and sends its event.
/// </summary>
public sealed class CxRegressionWatch(
    CxDbContext db, ImpactMeasurement measurement, WebhookOutbox outbox, WebhookDispatcher dispatcher, TimeProvider clock,
    IOptions<CxRegressionWatchOptions> options, ILogger<CxRegressionWatch> logger)
{
    /// <summary>Measures the deployments still watched; returns the events sent.</summary>
    public async Task<IReadOnlyList<DeploymentCxRegression>> RunAsync(CancellationToken ct)
    {
        var now = UnixMicros.From(clock.GetUtcNow());
        var since = now - ImpactWindowRules.Micros(null, ImpactWindowRules.DefaultWindow) - (long)options.Value.Grace.TotalMicroseconds;
        var watched = await db.Deployments.AsNoTracking()
            .Where(d => d.Environment == DeploymentRules.DefaultEnvironment && d.CxVerdictAtMicros == null
                        && d.FinishedAtMicros <= now && d.FinishedAtMicros > since)
            .OrderBy(d => d.FinishedAtMicros).ThenBy(d => d.Id).ToListAsync(ct);
        var sent = new List<DeploymentCxRegression>();
        foreach (var deployment in watched)
        {
            try
            {
                if (await WatchAsync(deployment, ct) is { } regression) sent.Add(regression);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Deployment {DeploymentId} could not be measured; it is tried again at the next pass", deployment.Id);
            }
        }
        if (sent.Count > 0) dispatcher.Nudge();
        return sent;
    }

    private async Task<DeploymentCxRegression?> WatchAsync(DeploymentEntity deployment, CancellationToken ct)
    {
        var impact = (await ImpactApi.DeploymentImpactsAsync(measurement, deployment.Service, [(deployment.Id, deployment.FinishedAtMicros)], ct))[0];
        var regressed = impact.After.Complete ? impact.CxRegression : impact.MeasuredRegression() == true;
        if (!regressed && !impact.After.Complete) return null; // still watched

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var settledAt = UnixMicros.From(clock.GetUtcNow());
        var claimed = await db.Deployments.Where(d => d.Id == deployment.Id && d.CxVerdictAtMicros == null)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.CxVerdictAtMicros, settledAt), ct);
        if (claimed == 0) return null; // another pass settled it meanwhile

        DeploymentCxRegression? regression = null;
        if (regressed)
        {
            regression = new DeploymentCxRegression(deployment.Id, deployment.Service, deployment.Release,
                UnixMicros.ToDateTimeOffset(deployment.FinishedAtMicros), impact.ResponsesAfter(), impact.DecidedBy, impact.Tests, impact.Before, impact.After);
            await outbox.EnqueueAsync(db, WebhookEvents.DeploymentCxRegression, regression, ct);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(CancellationToken.None);
        return regression;
    }
}
