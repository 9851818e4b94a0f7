using CxApi.Common;
using CxApi.Common.Formats;
using CxApi.Common.Http;
using CxApi.Common.Validation;
using CxApi.Features.Metrics.Calculators;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Records;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxApi.Features.Metrics;

public static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        // Figures are revalidated with their ETag (a hash of the body): it changes exactly when they do.
        var group = app.MapFigures("/v1/metrics").WithTags("Metrics");

        foreach (var metric in Metrics) metric.MapReport(group);
        foreach (var metric in Metrics) metric.MapTrend(group);
        group.MapGet("/summary", GetSummary).Validate<SummaryQuery>()
            .WithCsv<MetricsSummary>("one row per headline metric")
            .WithName(nameof(GetSummary)).WithSummary("Every headline metric against the previous period, with significance");
        return app;
    }

    // ---- The metrics: one row each, the same two handlers --------------------------------------

    private static readonly IMetricEndpoint[] Metrics =
    [
        Survey(SurveyKind.Nps, NpsCalculator.Definition, NpsCalculator.Compute, "Nps",
            "Net Promoter Score with its margin of error", "NPS per calendar bucket in a time zone"),
        Survey(SurveyKind.Csat, CsatCalculator.Definition, CsatCalculator.Compute, "Csat",
            "Customer satisfaction (top-2-box) with a Wilson interval", "CSAT per calendar bucket in a time zone"),
        Survey(SurveyKind.Ces, MeanCalculators.CesDefinition, MeanCalculators.Ces, "Ces",
            "Customer effort score (mean, 1–7) with its interval", "CES per calendar bucket in a time zone"),
        Survey(SurveyKind.Sus, MeanCalculators.SusDefinition, MeanCalculators.Sus, "Sus",
            "System Usability Scale (mean score and grade) with its interval", "SUS per calendar bucket in a time zone"),
        Survey(SurveyKind.Rating, MeanCalculators.RatingDefinition, MeanCalculators.Rating, "Rating",
            "UX rating (mean, 1–5) with its interval", "UX rating per calendar bucket in a time zone"),
        new MetricEndpoint<ReviewMetricQuery, Distribution, ReviewStats>("reviews", RecordKinds.Reviews, "GetReviewMetrics", "GetReviewTrend",
            "Review statistics: average, Bayesian average, distribution, positive share", "Review statistics per calendar bucket in a time zone",
            (engine, _, scope, ct) => engine.ReviewsAsync(scope, ct), ReviewMetric),
        new MetricEndpoint<InteractionMetricQuery, InteractionCounts, InteractionStats>("interactions", RecordKinds.Interactions, "GetInteractionMetrics", "GetInteractionTrend",
            "Operational metrics: response and resolution percentiles, FCR, SLA attainment", "Operational metrics per calendar bucket in a time zone",
            (engine, query, scope, ct) => engine.InteractionsAsync(scope, query.SlaSeconds ?? InteractionCalculator.DefaultSlaSeconds, ct),
            InteractionMetric),
    ];

    private static MetricEndpoint<SurveyMetricQuery, Distribution, TStats> Survey<TStats>(
        SurveyKind kind, MetricDefinition definition, Func<Distribution, TStats> compute, string name, string summary, string trendSummary) =>
        new(EnumText<SurveyKind>.ToText(kind), RecordKinds.Responses, $"Get{name}", $"Get{name}Trend", summary, trendSummary,
            (engine, _, scope, ct) => engine.ResponsesAsync(kind, scope, ct),
            (_, request) => (compute, request.Header(EnumText<SurveyKind>.ToText(kind), definition)));

    private static (Func<Distribution, ReviewStats>, MetricHeader) ReviewMetric(ReviewMetricQuery query, MetricRequest request)
    {
        var (mean, weight) = (query.PriorMean ?? ReviewCalculator.DefaultPriorMean, query.PriorWeight ?? ReviewCalculator.DefaultPriorWeight);
        return (d => ReviewCalculator.Compute(d, mean, weight), request.Header("reviews", ReviewCalculator.Definition(mean, weight)));
    }

    private static (Func<InteractionCounts, InteractionStats>, MetricHeader) InteractionMetric(InteractionMetricQuery query, MetricRequest request)
    {
        var sla = query.SlaSeconds ?? InteractionCalculator.DefaultSlaSeconds;
        return (c => InteractionCalculator.Compute(c, sla), request.Header("interactions", InteractionCalculator.Definition(sla)));
    }

    /// <summary>A metric's figures over the period (and per group).</summary>
    public static async Task<Ok<MetricReport<TStats>>> ReportAsync<TQuery, TCounts, TStats>(
        MetricEndpoint<TQuery, TCounts, TStats> metric, TQuery query, MetricEngine engine, TimeProvider clock, CancellationToken ct)
        where TQuery : IMetricQuery
    {
        var request = MetricRequest.Of(query, clock);
        var (compute, header) = metric.Describe(query, request);
        var counted = await metric.Count(engine, query, request.Scope(), ct);
        header = header with { RecordsPurged = await engine.RecordsPurgedAsync(metric.Kind, request.From, ct) };
        return TypedResults.Ok(new MetricReport<TStats>(header, compute(counted.Total()),
            request.GroupBy is null ? null : [.. counted.Groups().Select(g => new MetricGroup<TStats>(g.Key, compute(g.Total)))]));
    }

    /// <summary>A metric's figures per calendar bucket (and per group and bucket).</summary>
    public static async Task<Results<Ok<MetricTrend<TStats>>, ValidationProblem>> TrendAsync<TQuery, TCounts, TStats>(
        MetricEndpoint<TQuery, TCounts, TStats> metric, TQuery query, TrendQuery trend, MetricEngine engine, TimeProvider clock, CancellationToken ct)
        where TQuery : IMetricQuery
    {
        var request = MetricRequest.Of(query, clock);
        if (request.PlanTrend(trend, out var problem) is not { } plan) return problem!;
        var (compute, header) = metric.Describe(query, request);
        var counted = await metric.Count(engine, query, request.Scope(plan.Buckets), ct);
        var purged = await engine.RecordsPurgedAsync(metric.Kind, request.From, ct);

        List<MetricPoint<TStats>> Points(Func<int, TCounts> at) =>
            [.. plan.Buckets.Select((b, i) => new MetricPoint<TStats>(b, request.IsPartial(b), compute(at(i))))];

        return TypedResults.Ok(new MetricTrend<TStats>(
            header.Metric, MetricRequest.NameOfInterval(plan.Interval), plan.Zone.Id, request.From, request.To, header.Filters, header.GroupBy, purged,
            Points(counted.At),
            request.GroupBy is null ? null : [.. counted.Groups().Select(g => new TrendSeries<TStats>(g.Key, Points(g.At)))],
            header.Definition));
    }

    // ---- Summary -----------------------------------------------------------------------------

    public static async Task<Ok<MetricsSummary>> GetSummary(
        [AsParameters] SummaryQuery query, MetricEngine engine, TimeProvider clock, CancellationToken ct)
    {
        var request = MetricRequest.Of(query, clock);
        var length = request.To - request.From;
        var previousFrom = request.From - length;
        // One count per metric: bucket 0 is the previous period, bucket 1 the current one.
        var boundaries = new[] { previousFrom, request.From, request.To }.Select(UnixMicros.From).ToList();
        var items = new List<SummaryItem>();
        var omitted = new List<string>();

        CountScope? ScopeFor(string metric, RecordKind kind)
        {
            var foreign = request.Filters.Keys.Where(d => kind.Dimension(d) is null).ToList();
            if (foreign.Count > 0)
            {
                omitted.Add($"{metric}: has no {string.Join(", ", foreign)} dimension");
                return null;
            }
            return new CountScope(UnixMicros.From(previousFrom), UnixMicros.From(request.To), request.Filters, null, boundaries);
        }

        foreach (var kind in Enum.GetValues<SurveyKind>())
        {
            var name = EnumText<SurveyKind>.ToText(kind);
            if (ScopeFor(name, RecordKinds.Responses) is not { } scope) continue;
            var counted = await engine.ResponsesAsync(kind, scope, ct);
            items.Add(SummaryOf(name, kind, counted.At(1), counted.At(0)));
        }

        if (ScopeFor("reviews", RecordKinds.Reviews) is { } reviewScope)
        {
            var counted = await engine.ReviewsAsync(reviewScope, ct);
            var (now, before) = (ReviewCalculator.Compute(counted.At(1)), ReviewCalculator.Compute(counted.At(0)));
            items.Add(Item("reviews", now.Value, before.Value, Significance.Means(counted.At(1), counted.At(0)), now.Count, before.Count, now.Ci95, before.Ci95));
        }

        if (ScopeFor("interactions", RecordKinds.Interactions) is { } interactionScope)
        {
            var counted = await engine.InteractionsAsync(interactionScope, InteractionCalculator.DefaultSlaSeconds, ct);
            var (c, p) = (counted.At(1), counted.At(0));
            var (now, before) = (InteractionCalculator.Compute(c), InteractionCalculator.Compute(p));
            items.Add(Item("interactions", now.Value, before.Value,
                Significance.Proportions(c.FirstResponseWithinSla, c.WithFirstResponse, p.FirstResponseWithinSla, p.WithFirstResponse),
                c.WithFirstResponse, p.WithFirstResponse, now.Ci95, before.Ci95));
        }

        return TypedResults.Ok(new MetricsSummary(request.From, request.To, previousFrom, request.From, request.FilterEcho(), items, omitted));
    }

    private static SummaryItem SummaryOf(string name, SurveyKind kind, Distribution now, Distribution before)
    {
        switch (kind)
        {
            case SurveyKind.Nps:
                var (n1, n0) = (NpsCalculator.Compute(now), NpsCalculator.Compute(before));
                return Item(name, n1.Value, n0.Value, Significance.Nps(n1, n0), n1.Responses, n0.Responses, n1.Ci95, n0.Ci95);
            case SurveyKind.Csat:
                var (c1, c0) = (CsatCalculator.Compute(now), CsatCalculator.Compute(before));
                return Item(name, c1.Value, c0.Value, Significance.Proportions(c1.Satisfied, c1.Responses, c0.Satisfied, c0.Responses),
                    c1.Responses, c0.Responses, c1.Ci95, c0.Ci95);
            default:
                var (m1, m0) = (MeanCalculators.MeanInterval(now), MeanCalculators.MeanInterval(before));
                return Item(name, now.Mean, before.Mean, Significance.Means(now, before), now.N, before.N, m1, m0);
        }
    }

    private static SummaryItem Item(string metric, double? value, double? previous, ChangeTest test, long n, long previousN, Interval? ci, Interval? previousCi) =>
        new(metric, value, previous, value is { } v && previous is { } p ? v - p : null, test.Significant, test.Z, test.Test,
            n, previousN, ci, previousCi, Statistics.IsLowSample(n));
}
