using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Validation;
using CxApi.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxApi.Features.Metrics;

public static class DriversApi
{
    public static IEndpointRouteBuilder MapDrivers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/metrics").WithTags("Metrics").RequireAuthorization(Policies.Read).RejectUnknownQueryParameters();

        group.MapGet("/drivers", GetDrivers).Validate<DriverQuery>()
            .WithName(nameof(GetDrivers))
            .WithSummary("What drives a survey metric: the metric per bucket of an interaction factor, the spread and Spearman's ρ");
        return app;
    }

    public static async Task<Ok<DriverReport>> GetDrivers(
        [AsParameters] DriverQuery query, MetricsReadDatabase reads, TimeProvider clock, CancellationToken ct)
    {
        var request = MetricRequest.Of(query, clock);
        var metric = DriverMetric.All[query.Metric!];
        var factor = DriverFactors.Find(query.Factor) ?? throw new InvalidOperationException("The validator admits known factors only.");

        var responses = DriverCounting.Responses(reads.Db, metric.Kind, request);
        var (linked, unlinked) = await DriverCounting.LinkCountsAsync(responses, ct);
        var counts = await DriverCounting.CountAsync(reads.Db, responses, factor, UnixMicros.From(request.From), UnixMicros.From(request.To), ct);
        return TypedResults.Ok(DriverAnalysis.Build(
            request.Header(metric.Name, metric.Definition), metric, factor, counts.Buckets, linked, unlinked, counts.Spearman));
    }
}
