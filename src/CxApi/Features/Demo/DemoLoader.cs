using CxApi.Features.Deployments;
using CxApi.Features.Incidents;
using CxApi.Features.Interactions;
using CxApi.Features.Responses;
using CxApi.Features.Reviews;
using CxApi.Features.Services;
using CxApi.Infrastructure;
using Microsoft.EntityFrameworkCore;
using System.Diagnostics;

namespace CxApi.Features.Demo;

/// <summary>
/// <c>--demo</c>: fills an empty database with <see cref="DemoGenerator"/>'s records, written through the ingest path,
/// before the server starts serving; refuses a database that holds anything (API keys aside).
/// </summary>
public static class DemoLoader
{
    /// <summary>False, with the reason on stderr, when the database is not empty; nothing is written then.</summary>
    public static async Task<bool> LoadDemoAsync(this WebApplication app, DemoSwitch demo, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var summary = await LoadAsync(app.Services, demo, ConsoleProgress.ForConsole, ct);
        if (summary is null) return false;
        Console.WriteLine($"""
            Demo data loaded in {clock.Elapsed.TotalSeconds:N1} s ({summary.Records:N0} records). With your admin key in X-Api-Key, look at:
                GET /v1/services/scorecard
                GET /v1/incidents/{summary.OutageIncidentId}/impact     the checkout outage 23 days ago
                GET /v1/deployments/{summary.RegressionDeploymentId}/impact   mobile-app 5.2.0, a CX regression
                GET /v1/metrics/changes?groupBy=service
            """);
        return true;
    }

    /// <summary>
    /// Generates <paramref name="demo"/>'s records for the 90 days up to the application's now and stores them; null,
    /// with the reason on stderr, when the database is not empty (nothing is written then).
    /// </summary>
    public static async Task<DemoSummary?> LoadAsync(IServiceProvider application, DemoSwitch demo, Func<string, long, ConsoleProgress> progressFor,
        CancellationToken ct)
    {
        await using var scope = application.CreateAsyncScope();
        var services = new DemoCaller(scope.ServiceProvider);
        var db = services.GetRequiredService<CxDbContext>();

        var held = await ContentsAsync(db, ct);
        if (held.Count > 0)
        {
            await Console.Error.WriteLineAsync($"""
                --demo refused: the database is not empty (it holds {string.Join(", ", held)}). Nothing was changed.
                --demo only fills an empty database. Start it on a new one, for example:
                    ConnectionStrings__Cx="Data Source=data/demo.db" dotnet run --project src/CxApi -- --demo
                """);
            return null;
        }

        var generator = new DemoGenerator(DemoShape.ForDemo(demo.Size, demo.Seed, services.GetRequiredService<TimeProvider>().GetUtcNow()));
        var servicesToAdd = DemoGenerator.Services();
        var surveys = generator.Surveys();
        var deployments = generator.Deployments();
        var incidents = generator.Incidents();
        var interactions = generator.Interactions();
        var responses = generator.Responses().ToList();
        var reviews = generator.Reviews();
        var total = servicesToAdd.Count + surveys.Count + deployments.Count + incidents.Count + interactions.Count + responses.Count + reviews.Count;
        Console.WriteLine($"Loading demo data: {servicesToAdd.Count} services, {surveys.Count} surveys, {deployments.Count:N0} deployments, " +
                          $"{incidents.Count:N0} incidents, {interactions.Count:N0} interactions, {responses.Count:N0} survey responses and " +
                          $"{reviews.Count:N0} Olist reviews over the 90 days up to now (seed {demo.Seed}).");

        var writer = new DemoWriter(services, progressFor("Loading demo data", total));
        var caller = DemoCaller.Caller;
        await writer.StoreAsync(servicesToAdd, s => s.ToEntity(caller, writer.Now), ct);
        var surveyIds = await writer.StoreSurveysAsync(surveys, ct);
        var kindOf = surveyIds.Values.ToDictionary(s => s.Id, s => s.Kind, StringComparer.Ordinal);
        var deploymentIds = await writer.StoreAsync(deployments, d => d.ToEntity(caller, writer.Now), ct);
        var incidentIds = await writer.StoreAsync(
            incidents.Select(i => i.CausedBy is { } cause ? i.Request with { CausedByDeploymentId = deploymentIds[cause] } : i.Request),
            i => i.ToEntity(caller, writer.Now), ct);
        var interactionIds = await writer.StoreAsync(interactions, i => i.ToEntity(caller, writer.Now), ct);
        await writer.StoreAsync(
            responses.Select(r => r.Request with
            {
                SurveyId = surveyIds[r.SurveyKey].Id,
                InteractionId = r.Interaction is { } i ? interactionIds[i] : null,
            }),
            r => r.ToEntity(kindOf[r.SurveyId!], caller, writer.Now), ct);
        await writer.StoreAsync(reviews, r => r.ToEntity(caller, writer.Now), ct);

        string Deployment(string externalId) => deploymentIds[deployments.Select(d => d.ExternalId).ToList().IndexOf(externalId)];
        return new DemoSummary(total, incidentIds[incidents.Select(i => i.Request.ExternalId).ToList().IndexOf(DemoScenario.OutageExternalId)],
            Deployment(DemoScenario.ReleaseExternalId), Deployment(DemoScenario.RollbackExternalId));
    }

    /// <summary>What the database holds besides API keys, e.g. "3 surveys", "120 responses".</summary>
    private static async Task<List<string>> ContentsAsync(CxDbContext db, CancellationToken ct)
    {
        var counts = new (string Name, int Count)[]
        {
            ("surveys", await db.Surveys.CountAsync(ct)),
            ("survey responses", await db.Responses.CountAsync(ct)),
            ("interactions", await db.Interactions.CountAsync(ct)),
            ("reviews", await db.Reviews.CountAsync(ct)),
            ("services", await db.Services.CountAsync(ct)),
            ("deployments", await db.Deployments.CountAsync(ct)),
            ("incidents", await db.Incidents.CountAsync(ct)),
        };
        return [.. counts.Where(c => c.Count > 0).Select(c => $"{c.Count:N0} {c.Name}")];
    }
}
