using CxApi.Common;
using CxApi.Features.Metrics;
using CxApi.Features.Metrics.Calculators;
using CxApi.Infrastructure.Records;

namespace CxApi.Features.Alerts;

public static class AlertMetrics
{
    private static SurveyMetricQuery SurveyQuery(IReadOnlyDictionary<string, string[]> f) => QueryDimensions.Create<SurveyMetricQuery>(f);

    private static ReviewMetricQuery ReviewQuery(IReadOnlyDictionary<string, string[]> f) => QueryDimensions.Create<ReviewMetricQuery>(f);

    private static InteractionMetricQuery InteractionQuery(IReadOnlyDictionary<string, string[]> f) => QueryDimensions.Create<InteractionMetricQuery>(f);

    private static ChangeTest MeansTest(Distribution current, Distribution previous) => Significance.Means(current, previous);

    private static readonly Dictionary<AlertMetricName, AlertMetric> All = new AlertMetric[]
    {
        Survey(AlertMetricName.Nps, SurveyKind.Nps, NpsCalculator.Compute, s => s.Responses, s => s.Ci95,
            new() { ["value"] = (c, p) => Significance.Nps(NpsCalculator.Compute(c), NpsCalculator.Compute(p)) }),
        Survey(AlertMetricName.Csat, SurveyKind.Csat, CsatCalculator.Compute, s => s.Responses, s => s.Ci95, new()
        {
            ["value"] = CsatTest,
            ["average"] = MeansTest,
        }),
        Survey(AlertMetricName.Ces, SurveyKind.Ces, MeanCalculators.Ces, s => s.Responses, s => s.Ci95, new() { ["value"] = MeansTest }),
        Survey(AlertMetricName.Sus, SurveyKind.Sus, MeanCalculators.Sus, s => s.Responses, s => s.Ci95, new() { ["value"] = MeansTest }),
        Survey(AlertMetricName.Rating, SurveyKind.Rating, MeanCalculators.Rating, s => s.Responses, s => s.Ci95, new() { ["value"] = MeansTest }),
        new AlertMetric<Distribution, ReviewStats>(AlertMetricName.Reviews, ReviewQuery, (e, s, ct) => e.ReviewsAsync(s, ct),
            d => ReviewCalculator.Compute(d), s => s.Count, s => s.Ci95, new()
            {
                ["value"] = MeansTest,
                ["average"] = MeansTest,
            }),
        new AlertMetric<InteractionCounts, InteractionStats>(AlertMetricName.Interactions, InteractionQuery,
            (e, s, ct) => e.InteractionsAsync(s, InteractionCalculator.DefaultSlaSeconds, ct),
            c => InteractionCalculator.Compute(c), s => s.Count, s => s.Ci95, new()
            {
                ["value"] = SlaTest,
                ["slaAttainment"] = SlaTest,
            }),
        new AvailabilityAlertMetric(),
    }.ToDictionary(m => m.Name);

    private static ChangeTest CsatTest(Distribution current, Distribution previous)
    {
        var (now, before) = (CsatCalculator.Compute(current), CsatCalculator.Compute(previous));
        return Significance.Proportions(now.Satisfied, now.Responses, before.Satisfied, before.Responses);
    }

    private static ChangeTest SlaTest(InteractionCounts c, InteractionCounts p) =>
        Significance.Proportions(c.FirstResponseWithinSla, c.WithFirstResponse, p.FirstResponseWithinSla, p.WithFirstResponse);

    public static AlertMetric For(AlertMetricName name) => All[name];

    private static AlertMetric<Distribution, TStats> Survey<TStats>(
        AlertMetricName name, SurveyKind kind, Func<Distribution, TStats> compute, Func<TStats, long> n, Func<TStats, Interval?> ci95,
        Dictionary<string, Func<Distribution, Distribution, ChangeTest>> tests) =>
        new(name, SurveyQuery, (e, s, ct) => e.ResponsesAsync(kind, s, ct), compute, n, ci95, tests);
}
