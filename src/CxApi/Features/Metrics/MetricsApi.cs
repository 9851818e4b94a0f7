using CxApi.Common;
using CxApi.Common.Formats;
using CxApi.Common.Auth;
using CxApi.Common.Http;
using CxApi.Common.Validation;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Records;
using CxApi.Metrics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxApi.Features.Metrics;

public static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        // Figures are revalidated with their ETag (a hash of the body): it changes exactly when they do.
        var group = app.MapGroup("/v1/metrics").WithTags("Metrics").RequireAuthorization(Policies.Read).WithMetadata(HttpCaching.Revalidate);

        group.MapGet("/nps", GetNps).Validate<SurveyMetricQuery>()
            .WithCsv<NpsReport>("one row per group (one row without groupBy)")
            .WithName(nameof(GetNps)).WithSummary("Net Promoter Score with its margin of error");
        group.MapGet("/csat", GetCsat).Validate<SurveyMetricQuery>()
            .WithCsv<CsatReport>("one row per group (one row without groupBy)")
            .WithName(nameof(GetCsat)).WithSummary("Customer satisfaction (top-2-box) with a Wilson interval");
        group.MapGet("/ces", GetCes).Validate<SurveyMetricQuery>()
            .WithCsv<CesReport>("one row per group (one row without groupBy)")
            .WithName(nameof(GetCes)).WithSummary("Customer effort score (mean, 1–7) with its interval");
        group.MapGet("/sus", GetSus).Validate<SurveyMetricQuery>()
            .WithCsv<SusReport>("one row per group (one row without groupBy)")
            .WithName(nameof(GetSus)).WithSummary("System Usability Scale (mean score and grade) with its interval");
        group.MapGet("/rating", GetRating).Validate<SurveyMetricQuery>()
            .WithCsv<RatingReport>("one row per group (one row without groupBy)")
            .WithName(nameof(GetRating)).WithSummary("UX rating (mean, 1–5) with its interval");
        group.MapGet("/reviews", GetReviewMetrics).Validate<ReviewMetricQuery>()
            .WithCsv<ReviewReport>("one row per group (one row without groupBy)")
            .WithName(nameof(GetReviewMetrics)).WithSummary("Review statistics: average, Bayesian average, distribution, positive share");
        group.MapGet("/interactions", GetInteractionMetrics).Validate<InteractionMetricQuery>()
            .WithCsv<InteractionReport>("one row per group (one row without groupBy)")
            .WithName(nameof(GetInteractionMetrics)).WithSummary("Operational metrics: response and resolution percentiles, FCR, SLA attainment");

        group.MapGet("/nps/trend", GetNpsTrend).Validate<SurveyMetricQuery>().Validate<TrendQuery>()
            .WithCsv<MetricTrend<NpsPoint>>("one row per bucket (per group and bucket with groupBy)")
            .WithName(nameof(GetNpsTrend)).WithSummary("NPS per calendar bucket in a time zone");
        group.MapGet("/csat/trend", GetCsatTrend).Validate<SurveyMetricQuery>().Validate<TrendQuery>()
            .WithCsv<MetricTrend<CsatPoint>>("one row per bucket (per group and bucket with groupBy)")
            .WithName(nameof(GetCsatTrend)).WithSummary("CSAT per calendar bucket in a time zone");
        group.MapGet("/ces/trend", GetCesTrend).Validate<SurveyMetricQuery>().Validate<TrendQuery>()
            .WithCsv<MetricTrend<CesPoint>>("one row per bucket (per group and bucket with groupBy)")
            .WithName(nameof(GetCesTrend)).WithSummary("CES per calendar bucket in a time zone");
        group.MapGet("/sus/trend", GetSusTrend).Validate<SurveyMetricQuery>().Validate<TrendQuery>()
            .WithCsv<MetricTrend<SusPoint>>("one row per bucket (per group and bucket with groupBy)")
            .WithName(nameof(GetSusTrend)).WithSummary("SUS per calendar bucket in a time zone");
        group.MapGet("/rating/trend", GetRatingTrend).Validate<SurveyMetricQuery>().Validate<TrendQuery>()
            .WithCsv<MetricTrend<RatingPoint>>("one row per bucket (per group and bucket with groupBy)")
            .WithName(nameof(GetRatingTrend)).WithSummary("UX rating per calendar bucket in a time zone");
        group.MapGet("/reviews/trend", GetReviewTrend).Validate<ReviewMetricQuery>().Validate<TrendQuery>()
            .WithCsv<MetricTrend<ReviewPoint>>("one row per bucket (per group and bucket with groupBy)")
            .WithName(nameof(GetReviewTrend)).WithSummary("Review statistics per calendar bucket in a time zone");
        group.MapGet("/interactions/trend", GetInteractionTrend).Validate<InteractionMetricQuery>().Validate<TrendQuery>()
            .WithCsv<MetricTrend<InteractionPoint>>("one row per bucket (per group and bucket with groupBy)")
            .WithName(nameof(GetInteractionTrend)).WithSummary("Operational metrics per calendar bucket in a time zone");

        group.MapGet("/summary", GetSummary).Validate<SummaryQuery>()
            .WithCsv<MetricsSummary>("one row per headline metric")
            .WithName(nameof(GetSummary)).WithSummary("Every headline metric against the previous period, with significance");
        return app;
    }

    // ---- Survey metrics: one descriptor each, the same two handlers ------------------------

    private sealed record SurveyMetric<TStats, TGroup, TPoint, TReport>(
        SurveyKind Kind,
        MetricDefinition Definition,
        Func<Distribution, TStats> Compute,
        Func<MetricHeader, TStats, IReadOnlyList<TGroup>?, TReport> Report,
        Func<string?, TStats, TGroup> Group,
        Func<TimeBucket, bool, TStats, TPoint> Point);

    private static readonly SurveyMetric<NpsStats, NpsGroup, NpsPoint, NpsReport> Nps =
        new(SurveyKind.Nps, NpsCalculator.Definition, NpsCalculator.Compute, (h, s, g) => new(h, s, g), (k, s) => new(k, s), (b, p, s) => new(b, p, s));
    private static readonly SurveyMetric<CsatStats, CsatGroup, CsatPoint, CsatReport> Csat =
        new(SurveyKind.Csat, CsatCalculator.Definition, CsatCalculator.Compute, (h, s, g) => new(h, s, g), (k, s) => new(k, s), (b, p, s) => new(b, p, s));
    private static readonly SurveyMetric<CesStats, CesGroup, CesPoint, CesReport> Ces =
        new(SurveyKind.Ces, MeanCalculators.CesDefinition, MeanCalculators.Ces, (h, s, g) => new(h, s, g), (k, s) => new(k, s), (b, p, s) => new(b, p, s));
    private static readonly SurveyMetric<SusStats, SusGroup, SusPoint, SusReport> Sus =
        new(SurveyKind.Sus, MeanCalculators.SusDefinition, MeanCalculators.Sus, (h, s, g) => new(h, s, g), (k, s) => new(k, s), (b, p, s) => new(b, p, s));
    private static readonly SurveyMetric<RatingStats, RatingGroup, RatingPoint, RatingReport> Rating =
        new(SurveyKind.Rating, MeanCalculators.RatingDefinition, MeanCalculators.Rating, (h, s, g) => new(h, s, g), (k, s) => new(k, s), (b, p, s) => new(b, p, s));

    public static Task<Ok<NpsReport>> GetNps([AsParameters] SurveyMetricQuery query, MetricEngine engine, TimeProvider clock, CancellationToken ct) =>
        SurveyReportAsync(Nps, query, engine, clock, ct);
    public static Task<Ok<CsatReport>> GetCsat([AsParameters] SurveyMetricQuery query, MetricEngine engine, TimeProvider clock, CancellationToken ct) =>
        SurveyReportAsync(Csat, query, engine, clock, ct);
    public static Task<Ok<CesReport>> GetCes([AsParameters] SurveyMetricQuery query, MetricEngine engine, TimeProvider clock, CancellationToken ct) =>
        SurveyReportAsync(Ces, query, engine, clock, ct);
    public static Task<Ok<SusReport>> GetSus([AsParameters] SurveyMetricQuery query, MetricEngine engine, TimeProvider clock, CancellationToken ct) =>
        SurveyReportAsync(Sus, query, engine, clock, ct);
    public static Task<Ok<RatingReport>> GetRating([AsParameters] SurveyMetricQuery query, MetricEngine engine, TimeProvider clock, CancellationToken ct) =>
        SurveyReportAsync(Rating, query, engine, clock, ct);

    public static Task<Results<Ok<MetricTrend<NpsPoint>>, ValidationProblem>> GetNpsTrend(
        [AsParameters] SurveyMetricQuery query, [AsParameters] TrendQuery trend, MetricEngine engine, TimeProvider clock, CancellationToken ct) =>
        SurveyTrendAsync(Nps, query, trend, engine, clock, ct);
    public static Task<Results<Ok<MetricTrend<CsatPoint>>, ValidationProblem>> GetCsatTrend(
        [AsParameters] SurveyMetricQuery query, [AsParameters] TrendQuery trend, MetricEngine engine, TimeProvider clock, CancellationToken ct) =>
        SurveyTrendAsync(Csat, query, trend, engine, clock, ct);
    public static Task<Results<Ok<MetricTrend<CesPoint>>, ValidationProblem>> GetCesTrend(
        [AsParameters] SurveyMetricQuery query, [AsParameters] TrendQuery trend, MetricEngine engine, TimeProvider clock, CancellationToken ct) =>
        SurveyTrendAsync(Ces, query, trend, engine, clock, ct);
    public static Task<Results<Ok<MetricTrend<SusPoint>>, ValidationProblem>> GetSusTrend(
        [AsParameters] SurveyMetricQuery query, [AsParameters] TrendQuery trend, MetricEngine engine, TimeProvider clock, CancellationToken ct) =>
        SurveyTrendAsync(Sus, query, trend, engine, clock, ct);
    public static Task<Results<Ok<MetricTrend<RatingPoint>>, ValidationProblem>> GetRatingTrend(
        [AsParameters] SurveyMetricQuery query, [AsParameters] TrendQuery trend, MetricEngine engine, TimeProvider clock, CancellationToken ct) =>
        SurveyTrendAsync(Rating, query, trend, engine, clock, ct);

    private static async Task<Ok<TReport>> SurveyReportAsync<TStats, TGroup, TPoint, TReport>(
        SurveyMetric<TStats, TGroup, TPoint, TReport> metric, SurveyMetricQuery query, MetricEngine engine, TimeProvider clock, CancellationToken ct)
    {
        var request = MetricRequest.Of(query, clock);
        var counted = await engine.ResponsesAsync(metric.Kind, request.Scope(), ct);
        return TypedResults.Ok(Report(request, counted, Header(request, metric.Kind, metric.Definition), metric.Compute, metric.Report, metric.Group));
    }

    private static async Task<Results<Ok<MetricTrend<TPoint>>, ValidationProblem>> SurveyTrendAsync<TStats, TGroup, TPoint, TReport>(
        SurveyMetric<TStats, TGroup, TPoint, TReport> metric, SurveyMetricQuery query, TrendQuery trend, MetricEngine engine,
        TimeProvider clock, CancellationToken ct)
    {
        var request = MetricRequest.Of(query, clock);
        if (request.PlanTrend(trend, out var problem) is not { } plan) return problem!;
        var counted = await engine.ResponsesAsync(metric.Kind, request.Scope(plan.Buckets), ct);
        return TypedResults.Ok(Trend(request, plan, counted, Header(request, metric.Kind, metric.Definition), metric.Compute, metric.Point));
    }

    private static MetricHeader Header(MetricRequest request, SurveyKind kind, MetricDefinition definition) =>
        request.Header(EnumText<SurveyKind>.ToText(kind), definition);

    // ---- Reviews and interactions: their definitions depend on the query ---------------------

    public static async Task<Ok<ReviewReport>> GetReviewMetrics(
        [AsParameters] ReviewMetricQuery query, MetricEngine engine, TimeProvider clock, CancellationToken ct)
    {
        var request = MetricRequest.Of(query, clock);
        var (compute, header) = ReviewMetric(query, request);
        var counted = await engine.ReviewsAsync(request.Scope(), ct);
        return TypedResults.Ok(Report(request, counted, header, compute, (h, s, g) => new ReviewReport(h, s, g), (k, s) => new ReviewGroup(k, s)));
    }

    public static async Task<Results<Ok<MetricTrend<ReviewPoint>>, ValidationProblem>> GetReviewTrend(
        [AsParameters] ReviewMetricQuery query, [AsParameters] TrendQuery trend, MetricEngine engine, TimeProvider clock, CancellationToken ct)
    {
        var request = MetricRequest.Of(query, clock);
        if (request.PlanTrend(trend, out var problem) is not { } plan) return problem!;
        var (compute, header) = ReviewMetric(query, request);
        var counted = await engine.ReviewsAsync(request.Scope(plan.Buckets), ct);
        return TypedResults.Ok(Trend(request, plan, counted, header, compute, (b, p, s) => new ReviewPoint(b, p, s)));
    }

    public static async Task<Ok<InteractionReport>> GetInteractionMetrics(
        [AsParameters] InteractionMetricQuery query, MetricEngine engine, TimeProvider clock, CancellationToken ct)
    {
        var request = MetricRequest.Of(query, clock);
        var (sla, compute, header) = InteractionMetric(query, request);
        var counted = await engine.InteractionsAsync(request.Scope(), sla, ct);
        return TypedResults.Ok(Report(request, counted, header, compute, (h, s, g) => new InteractionReport(h, s, g), (k, s) => new InteractionGroup(k, s)));
    }

    public static async Task<Results<Ok<MetricTrend<InteractionPoint>>, ValidationProblem>> GetInteractionTrend(
        [AsParameters] InteractionMetricQuery query, [AsParameters] TrendQuery trend, MetricEngine engine, TimeProvider clock, CancellationToken ct)
    {
        var request = MetricRequest.Of(query, clock);
        if (request.PlanTrend(trend, out var problem) is not { } plan) return problem!;
        var (sla, compute, header) = InteractionMetric(query, request);
        var counted = await engine.InteractionsAsync(request.Scope(plan.Buckets), sla, ct);
        return TypedResults.Ok(Trend(request, plan, counted, header, compute, (b, p, s) => new InteractionPoint(b, p, s)));
    }

    private static (Func<Distribution, ReviewStats>, MetricHeader) ReviewMetric(ReviewMetricQuery query, MetricRequest request)
    {
        var (mean, weight) = (query.PriorMean ?? ReviewCalculator.DefaultPriorMean, query.PriorWeight ?? ReviewCalculator.DefaultPriorWeight);
        return (d => ReviewCalculator.Compute(d, mean, weight), request.Header("reviews", ReviewCalculator.Definition(mean, weight)));
    }

    private static (double, Func<InteractionCounts, InteractionStats>, MetricHeader) InteractionMetric(InteractionMetricQuery query, MetricRequest request)
    {
        var sla = query.SlaSeconds ?? InteractionCalculator.DefaultSlaSeconds;
        return (sla, c => InteractionCalculator.Compute(c, sla), request.Header("interactions", InteractionCalculator.Definition(sla)));
    }

    // ---- Shaping -------------------------------------------------------------------------------

    private static TReport Report<TCounts, TStats, TGroup, TReport>(
        MetricRequest request, Counted<TCounts> counted, MetricHeader header, Func<TCounts, TStats> compute,
        Func<MetricHeader, TStats, IReadOnlyList<TGroup>?, TReport> report, Func<string?, TStats, TGroup> group) =>
        report(header, compute(counted.Total()),
            request.GroupBy is null ? null : [.. counted.Groups().Select(g => group(g.Key, compute(g.Total)))]);

    private static MetricTrend<TPoint> Trend<TCounts, TStats, TPoint>(
        MetricRequest request, TrendPlan plan, Counted<TCounts> counted, MetricHeader header, Func<TCounts, TStats> compute,
        Func<TimeBucket, bool, TStats, TPoint> point)
    {
        List<TPoint> Points(Func<int, TCounts> at) =>
            [.. plan.Buckets.Select((b, i) => point(b, request.IsPartial(b), compute(at(i))))];

        return new MetricTrend<TPoint>(
            header.Metric, MetricRequest.NameOfInterval(plan.Interval), plan.Zone.Id, request.From, request.To, header.Filters, header.GroupBy,
            Points(counted.At),
            request.GroupBy is null ? null : [.. counted.Groups().Select(g => new TrendSeries<TPoint>(g.Key, Points(g.At)))],
            header.Definition);
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
