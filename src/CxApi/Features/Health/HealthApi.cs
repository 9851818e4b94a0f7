using CxApi.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CxApi.Features.Health;

public static class HealthApi
{
    private const string ReadyTag = "ready";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(3);

    public static IServiceCollection AddCxHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<CxDbContext>("database", tags: [ReadyTag],
                // Reads a real table: on SQLite, "SELECT 1" would succeed without touching the file.
                customTestQuery: async (db, ct) => await db.Surveys.AnyAsync(ct) || true);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Health");
        group.MapGet("/live", Live).WithName(nameof(Live)).WithSummary("200 while the process runs")
            .WithDescription("Liveness: answers without touching the database, so an orchestrator restarts only a hung process.");
        group.MapGet("/ready", Ready).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName(nameof(Ready)).WithSummary("200 when the database answers, 503 when it does not")
            .WithDescription($"Readiness: reads from the database (within {ReadyTimeout.TotalSeconds:0} s), so a load balancer sends traffic only to instances that can serve it.");
        return app;
    }

    public static Ok<HealthReportSummary> Live() =>
        TypedResults.Ok(new HealthReportSummary("healthy", new Dictionary<string, string>()));

    public static async Task<Results<Ok<HealthReportSummary>, ProblemHttpResult>> Ready(HealthCheckService health, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ReadyTimeout);
        HealthReport report;
        try
        {
            report = await health.CheckHealthAsync(r => r.Tags.Contains(ReadyTag), timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Unavailable($"The database did not answer within {ReadyTimeout.TotalSeconds:0} s.");
        }

        var checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString().ToLowerInvariant());
        return report.Status == HealthStatus.Healthy
            ? TypedResults.Ok(new HealthReportSummary("healthy", checks))
            : Unavailable(string.Join("; ", report.Entries.Select(e => $"{e.Key}: {e.Value.Status} {e.Value.Exception?.Message}".Trim())));
    }

    private static ProblemHttpResult Unavailable(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready", detail: detail);
}
