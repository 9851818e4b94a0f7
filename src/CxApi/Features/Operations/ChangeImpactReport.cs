using CxApi.Common;
using CxApi.Features.Metrics.Calculators;
using CxApi.Features.Operations.Calculators;

namespace CxApi.Features.Operations;

/// <summary>
/// The CX figures on some services before and after an instant (a deployment's <c>finishedAt</c>, an initiative's
/// go-live), and whether customer experience regressed: CSAT, NPS, CES or rating fell, or contacts per hour rose,
/// significantly after Holm's correction across those five tests.
/// </summary>
/// <param name="DeploymentId">The deployment measured; null for <c>/v1/metrics/impact</c>.</param>
/// <param name="At">The instant: after starts here, before ends here.</param>
/// <param name="DecidedBy">The figures that made it a regression, in the order csat, nps, ces, rating, contacts.</param>
public sealed record ChangeImpactReport(
    string? DeploymentId,
    IReadOnlyList<string> Services,
    DateTimeOffset At,
    ImpactWindow Before,
    ImpactWindow After,
    bool CxRegression,
    IReadOnlyList<string> DecidedBy,
    IReadOnlyList<RegressionTest> Tests)
{
    public static ChangeImpactReport Of(string? deploymentId, IReadOnlyList<string> services, long at,
        (TimeRange Range, bool Complete, WindowCounts Counts) before, (TimeRange Range, bool Complete, WindowCounts Counts) after)
    {
        var tests = Calculators.CxRegression.Assess(before.Counts, after.Counts);
        var decided = tests.Where(t => t.Decided).Select(t => t.Figure).ToList();
        return new ChangeImpactReport(deploymentId, services, UnixMicros.ToDateTimeOffset(at),
            ImpactMeasurement.Window(before.Range, before.Complete, before.Counts, null),
            ImpactMeasurement.Window(after.Range, after.Complete, after.Counts, before.Counts),
            decided.Count > 0, decided, tests);
    }

    /// <summary>Survey responses in the after window: CSAT, NPS, CES and rating together.</summary>
    public long ResponsesAfter() => After.Csat.N + After.Nps.N + After.Ces.N + After.Rating.N;

    /// <summary>Null while the after window has fewer than <see cref="ChangeFigures.MinimumAfterResponses"/> responses; else <see cref="CxRegression"/>.</summary>
    public bool? MeasuredRegression() => ResponsesAfter() >= ChangeFigures.MinimumAfterResponses ? CxRegression : null;
}
