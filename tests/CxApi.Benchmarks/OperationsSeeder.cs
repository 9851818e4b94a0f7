using CxApi.Features.Demo;
using System.Diagnostics;

namespace CxApi.Benchmarks;

/// <summary>A seeded deployment: its id, service and when it finished.</summary>
public sealed record SeededDeployment(string Id, string Service, DateTimeOffset FinishedAt);

/// <summary>What <see cref="OperationsSeeder"/> created, and how long it took.</summary>
public sealed record OperationsSeed(IReadOnlyList<string> IncidentIds, IReadOnlyList<SeededDeployment> Deployments, TimeSpan Elapsed);

/// <summary>
/// Seeds IT operations over the responses' year through the batch endpoints: the demo generator's deployments, then its
/// incidents on the catalogue's services (a sixth of them caused by one of the deployments; see
/// <see cref="DemoGenerator.Incidents"/>).
/// </summary>
public static class OperationsSeeder
{
    public const int Incidents = 1000;
    public const int Deployments = 2000;

    public static async Task<OperationsSeed> SeedAsync(HttpClient http, int responses, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var generator = new DemoGenerator(Seeder.Shape(responses));
        var deployments = new List<SeededDeployment>(Deployments);
        foreach (var batch in generator.Deployments().Chunk(Seeder.BatchSize))
        {
            var ids = await Seeder.PostBatchAsync(http, "/v1/deployments/batch", Seeder.Items(batch), batch.Length, ct);
            deployments.AddRange(batch.Select((d, i) => new SeededDeployment(ids[i], d.Service!, d.FinishedAt!.Value)));
        }

        var incidentIds = new List<string>(Incidents);
        foreach (var batch in generator.Incidents().Chunk(Seeder.BatchSize))
        {
            var requests = batch.Select(i => i.CausedBy is { } cause ? i.Request with { CausedByDeploymentId = deployments[cause].Id } : i.Request);
            incidentIds.AddRange(await Seeder.PostBatchAsync(http, "/v1/incidents/batch", Seeder.Items(requests), batch.Length, ct));
        }
        var seed = new OperationsSeed(incidentIds, deployments, clock.Elapsed);
        Console.Error.WriteLine($"  seeded {ServiceCatalogue.Services.Length} services' {Deployments:N0} deployments and {Incidents:N0} incidents in {seed.Elapsed.TotalSeconds:N1} s");
        return seed;
    }
}
