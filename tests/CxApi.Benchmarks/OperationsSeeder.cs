using System.Diagnostics;

namespace CxApi.Benchmarks;

/// <summary>A seeded deployment: its id, service and when it finished.</summary>
public sealed record SeededDeployment(string Id, string Service, DateTimeOffset FinishedAt);

/// <summary>What <see cref="OperationsSeeder"/> created, and how long it took.</summary>
public sealed record OperationsSeed(IReadOnlyList<string> IncidentIds, IReadOnlyList<SeededDeployment> Deployments, TimeSpan Elapsed);

/// <summary>
/// Seeds IT operations over the responses' year through the batch endpoints: deployments, then incidents on the
/// catalogue's services (a sixth of them caused by one of the deployments), with deterministic pseudo-random values.
/// </summary>
public static class OperationsSeeder
{
    public const int Incidents = 1000;
    public const int Deployments = 2000;

    public static async Task<OperationsSeed> SeedAsync(HttpClient http, int responses, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(14);
        var spanSeconds = (long)(Seeder.PeriodEnd - Seeder.PeriodStart).TotalSeconds;
        var deployments = new List<SeededDeployment>(Deployments);
        for (var first = 0; first < Deployments; first += Seeder.BatchSize)
        {
            var size = Math.Min(Seeder.BatchSize, Deployments - first);
            var batch = new List<(string Service, DateTimeOffset FinishedAt)>(size);
            var body = Seeder.Items(size, 260, (json, i) =>
            {
                var service = ServiceCatalogue.Pick(random);
                var finished = Seeder.PeriodStart.AddSeconds(random.NextInt64(spanSeconds));
                batch.Add((service, finished));
                json.WriteString("service", service);
                json.WriteString("finishedAt", Seeder.Instant(finished));
                json.WriteString("startedAt", Seeder.Instant(finished.AddMinutes(-random.Next(2, 21))));
                json.WriteString("externalId", $"bench-deploy-{first + i}");
                json.WriteString("version", $"2026.{first + i}");
                json.WriteString("environment", random.Next(10) == 0 ? "staging" : "production");
                json.WriteString("kind", Weighted(random, ("deploy", 85), ("rollback", 5), ("config", 5), ("flag", 5)));
                json.WriteString("result", Weighted(random, ("success", 93), ("failed", 4), ("rolled_back", 3)));
            });
            var ids = await Seeder.PostBatchAsync(http, "/v1/deployments/batch", body, size, ct);
            deployments.AddRange(batch.Select((d, i) => new SeededDeployment(ids[i], d.Service, d.FinishedAt)));
        }

        var customers = Math.Max(100, responses / 10);
        var incidentBody = Seeder.Items(Incidents, 500, (json, n) => WriteIncident(json, n, random, deployments, spanSeconds, customers));
        var incidentIds = await Seeder.PostBatchAsync(http, "/v1/incidents/batch", incidentBody, Incidents, ct);
        var seed = new OperationsSeed(incidentIds, deployments, clock.Elapsed);
        Console.Error.WriteLine($"  seeded {ServiceCatalogue.Services.Length} services' {Deployments:N0} deployments and {Incidents:N0} incidents in {seed.Elapsed.TotalSeconds:N1} s");
        return seed;
    }

    /// <summary>
    /// One incident: mostly on one service (a tenth on two), lasting 5 min to 8 h (log-uniform), resolved unless it is
    /// one of the 2 % still open at the end of the year; a sixth starts within an hour of a deployment that caused it.
    /// </summary>
    private static void WriteIncident(System.Text.Json.Utf8JsonWriter json, int n, Random random, List<SeededDeployment> deployments,
        long spanSeconds, int customers)
    {
        var open = random.Next(50) == 0;
        SeededDeployment? cause = random.Next(6) == 0 ? deployments[random.Next(deployments.Count)] : null;
        var started = cause is not null ? cause.FinishedAt.AddMinutes(random.Next(1, 60))
            : open ? Seeder.PeriodEnd.AddSeconds(-random.NextInt64(7 * 86_400))
            : Seeder.PeriodStart.AddSeconds(random.NextInt64(spanSeconds));
        var minutes = Math.Exp(Math.Log(5) + random.NextDouble() * Math.Log(8 * 60 / 5.0));
        var detected = started.AddMinutes(random.NextDouble() * Math.Min(10, minutes / 4));
        var acknowledged = detected.AddMinutes(random.NextDouble() * Math.Min(30, minutes / 4));
        var resolved = started.AddMinutes(minutes);

        json.WriteString("title", $"bench incident {n}");
        json.WriteStartArray("services");
        var service = cause?.Service ?? ServiceCatalogue.Pick(random);
        json.WriteStringValue(service);
        if (random.Next(10) == 0 && ServiceCatalogue.Pick(random) is var second && second != service) json.WriteStringValue(second);
        json.WriteEndArray();
        json.WriteString("severity", Weighted(random, ("sev1", 5), ("sev2", 15), ("sev3", 40), ("sev4", 40)));
        json.WriteString("impact", Weighted(random, ("maintenance", 10), ("degraded", 50), ("partial", 30), ("outage", 10)));
        json.WriteString("startedAt", Seeder.Instant(started));
        json.WriteString("detectedAt", Seeder.Instant(detected));
        json.WriteString("acknowledgedAt", Seeder.Instant(acknowledged));
        if (!open)
        {
            json.WriteString("mitigatedAt", Seeder.Instant(acknowledged + (resolved - acknowledged) * (0.5 + random.NextDouble() / 2)));
            json.WriteString("resolvedAt", Seeder.Instant(resolved));
        }
        json.WriteStartArray("customerIds");
        if (random.Next(10) < 3)
            for (int c = random.Next(customers), listed = random.Next(1, 6); listed > 0; listed--) json.WriteStringValue($"c-{(c + listed) % customers}");
        json.WriteEndArray();
        if (cause is not null) json.WriteString("causedByDeploymentId", cause.Id);
        json.WriteString("externalId", $"bench-incident-{n}");
        json.WriteString("source", "bench");
    }

    private static string Weighted(Random random, params (string Value, int Weight)[] choices)
    {
        var draw = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (draw < weight) return value;
            draw -= weight;
        }
        return choices[^1].Value;
    }
}
