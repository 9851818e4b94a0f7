using CxApi.Common;
using CxApi.Common.Formats;
using CxApi.Common.Http;
using CxApi.Common.Validation;
using CxApi.Features.Metrics;
using CxApi.Features.Operations.Calculators;
using CxApi.Features.Services;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Records;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxApi.Features.Operations;

/// <summary>
/// <c>GET /v1/metrics/changes</c>: delivery seen from the customer. Deployments in the period, their change failure rate
/// (an incident within 24 h, or named as caused by them), their CX change failure rate (a measured cxRegression) and
/// the time to restore.
/// </summary>
public static class ChangesMetricApi
{

    public static IEndpointRouteBuilder MapChangesMetric(this IEndpointRouteBuilder app)
    {
        app.MapFigures("/v1/metrics").WithTags("Metrics")
            .MapGet("/changes", GetChangeMetrics).Validate<ChangesMetricQuery>().RequireKnownServices()
            .WithCsv<MetricReport<ChangeFigures>>("one row per group (one row without groupBy)")
            .WithName(nameof(GetChangeMetrics))
            .WithSummary("Deployments, change failure rate, CX change failure rate and time to restore, per service if asked");
        return app;
    }

    public static async Task<Ok<MetricReport<ChangeFigures>>> GetChangeMetrics(
        [AsParameters] ChangesMetricQuery query, MetricsReadDatabase reads, ImpactMeasurement measurement, MetricEngine engine, TimeProvider clock,
        CancellationToken ct)
    {
        var request = MetricRequest.Of(query, clock);
        long from = UnixMicros.From(request.From), to = UnixMicros.From(request.To);
        var services = request.Filters.GetValueOrDefault("service") ?? [];
        var changes = await ChangeSet.LoadAsync(reads.Db, measurement, services, from, to, ct);
        var figures = changes.Figures(null);
        List<MetricGroup<ChangeFigures>>? groups = null;
        if (request.GroupBy is not null)
        {
            var keys = services.Count > 0 ? services : [.. changes.Deployments.Select(d => d.Service).Distinct().Order(StringComparer.Ordinal)];
            groups = [.. keys.Select(key => new MetricGroup<ChangeFigures>(key, changes.Figures(key)))];
        }
        // Incidents have no rollups: once purged, they are gone from the figures; responses in the windows come from the rollups.
        var purged = await engine.RecordsPurgedAsync(RecordKinds.Incidents, request.From, ct)
                     || await engine.RecordsPurgedAsync(RecordKinds.Responses, request.From, ct);
        return TypedResults.Ok(new MetricReport<ChangeFigures>(request.Header("changes", ChangeFailures.Definition) with { RecordsPurged = purged }, figures, groups));
    }
}
