using CxApi.Features.Operations.Calculators;

namespace CxApi.Features.Operations;

/// <summary>
/// Delivery seen from the customer: how many deployments, on how many UTC days, how many failed (an incident within 24 h
/// or named as caused by it), how many hurt customer experience measurably, and how long restoring took.
/// </summary>
/// <param name="DeploymentDays">Distinct UTC days with a deployment.</param>
/// <param name="ChangeFailureRate">Deployments followed by an incident on their service within 24 h, or named in causedByDeploymentId.</param>
/// <param name="CxChangeFailureRate">Deployments with cxRegression, of those whose 7-day after window has ≥ 30 responses.</param>
/// <param name="TimeToRestore">resolvedAt − startedAt of the resolved incidents that failed a deployment.</param>
public sealed record ChangeFigures(long Deployments, long DeploymentDays, ChangeRate ChangeFailureRate, ChangeRate CxChangeFailureRate, DurationSummary TimeToRestore)
{
    public const int MinimumAfterResponses = 30;

    /// <param name="regressions">Per deployment, in order: null when its after window has fewer than 30 responses, else whether it is a cxRegression.</param>
    public static ChangeFigures Of(IReadOnlyList<ChangeRecord> deployments, IReadOnlyList<CausingIncident> incidents, IReadOnlyList<bool?> regressions)
    {
        var causes = ChangeFailures.Match(deployments, incidents);
        var restored = causes.SelectMany(c => c).DistinctBy(i => i.Id).Where(i => i.ResolvedAt is not null)
            .Select(i => (i.ResolvedAt!.Value - i.StartedAt) / 1e6).ToList();
        return new ChangeFigures(
            deployments.Count,
            deployments.Select(d => Math.Floor(d.FinishedAt / 86_400e6)).Distinct().Count(),
            ChangeFailures.Rate(causes.Count(c => c.Count > 0), deployments.Count),
            ChangeFailures.Rate(regressions.Count(r => r == true), regressions.Count(r => r is not null)),
            DurationSummary.Of(restored));
    }
}
