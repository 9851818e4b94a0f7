using CxApi.Common;
using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Operations.Calculators;

/// <summary>
/// Which deployments failed from the customer's side: a deployment failed when an incident (maintenance aside) started
/// on its service within 24 h after it finished, or when an incident names it in <c>causedByDeploymentId</c>.
/// </summary>
public static class ChangeFailures
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public static readonly MetricDefinition Definition = new(
        Formula: "changeFailureRate = 100 × failed deployments / deployments; cxChangeFailureRate = 100 × deployments with cxRegression / " +
                 "deployments whose after window has ≥ 30 responses",
        Scale: "0–100 %, ci95 the Wilson score interval; null without deployments",
        Method: "production deployments that finished in [from, to) on the services; a deployment failed when a non-maintenance incident started on its " +
                "service within 24 h after it finished, or an incident names it in causedByDeploymentId; cxRegression as GET " +
                "/v1/deployments/{id}/impact with 7-day windows; timeToRestore = resolvedAt − startedAt of the incidents that failed a deployment.");

    /// <summary>The incidents that failed each deployment (empty for one that did not fail), in the order given.</summary>
    public static IReadOnlyList<IReadOnlyList<CausingIncident>> Match(IReadOnlyList<ChangeRecord> deployments, IReadOnlyList<CausingIncident> incidents)
    {
        var window = (long)Window.TotalMicroseconds;
        return [.. deployments.Select(d => (IReadOnlyList<CausingIncident>)[.. incidents.Where(i =>
            i.CausedByDeploymentId == d.Id
            || (i.Impact != IncidentImpact.Maintenance && i.Services.Contains(d.Service) && i.StartedAt >= d.FinishedAt && i.StartedAt < d.FinishedAt + window))])];
    }

    /// <summary>A share with its Wilson interval, in percent.</summary>
    public static ChangeRate Rate(long failures, long n) =>
        new(Statistics.Percent(failures, n), failures, n, Statistics.Scale(Statistics.Wilson(failures, n), 100));
}

/// <summary>A deployment as the change-failure maths needs it.</summary>
public sealed record ChangeRecord(string Id, string Service, long FinishedAt);

/// <summary>An incident as the change-failure maths needs it.</summary>
public sealed record CausingIncident(string Id, IReadOnlyList<string> Services, IncidentImpact Impact, long StartedAt, long? ResolvedAt, string? CausedByDeploymentId);

/// <summary>A failure rate: <c>value</c> = 100 × failures / n, with its Wilson 95 % interval; null when n is 0.</summary>
public sealed record ChangeRate(double? Value, long Failures, long N, Interval? Ci95);
