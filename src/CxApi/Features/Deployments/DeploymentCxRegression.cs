using CxApi.Features.Operations;
using CxApi.Features.Operations.Calculators;

namespace CxApi.Features.Deployments;

/// <summary>
/// The data of a <c>deployment.cx_regression</c> delivery: the production deployment, and its impact as
/// <c>GET /v1/deployments/{id}/impact</c> measures it with 7-day windows when the watch settled it.
/// </summary>
/// <param name="ResponsesAfter">Survey responses (CSAT, NPS, CES and rating) in the after window when it was decided.</param>
/// <param name="After">The after window so far (<c>complete: false</c>: sent once it reached 30 responses) or whole (<c>complete: true</c>: sent as it ended).</param>
public sealed record DeploymentCxRegression(
    string DeploymentId,
    string Service,
    string? Version,
    DateTimeOffset FinishedAt,
    long ResponsesAfter,
    IReadOnlyList<string> DecidedBy,
    IReadOnlyList<RegressionTest> Tests,
    ImpactWindow Before,
    ImpactWindow After);
