using System.Text.Json;

namespace CxApi.Benchmarks;

/// <summary>A read endpoint of IT operations as measured: its route for the table, the paths sent in turn, and a check of the first answer (null = fine).</summary>
public sealed record OperationsEndpoint(string Name, string Route, IReadOnlyList<string> Paths, Func<JsonElement, string?> Check);

/// <summary>The IT-operations reads of issue 14 over the seeded incidents and deployments.</summary>
public static class OperationsEndpoints
{
    /// <summary>The last month of the seeded year, for the period metrics.</summary>
    public const string LastMonth = "from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z";

    public static IReadOnlyList<OperationsEndpoint> For(OperationsSeed seed) =>
    [
        new("incident impact", "GET /v1/incidents/{id}/impact?baseline=P14D&after=P7D",
            [.. seed.IncidentIds.Select(id => $"/v1/incidents/{id}/impact?baseline=P14D&after=P7D")], Has("during")),
        new("deployment impact", "GET /v1/deployments/{id}/impact",
            [.. seed.Deployments.Select(d => $"/v1/deployments/{d.Id}/impact")], Has("after")),
        new("CX impact at an instant", "GET /v1/metrics/impact?service=…&at=…",
            [.. seed.Deployments.Select(d => $"/v1/metrics/impact?service={d.Service}&at={Seeder.Instant(d.FinishedAt)}")], Has("after")),
        new("change metrics", "GET /v1/metrics/changes, 1 month, groupBy=service",
            [$"/v1/metrics/changes?{LastMonth}&groupBy=service"], Has("groups")),
        new("availability", "GET /v1/metrics/availability, 1 month, groupBy=service",
            [$"/v1/metrics/availability?{LastMonth}&groupBy=service"], Has("groups")),
        new("scorecard", "GET /v1/services/scorecard, 1 month, sort=availabilityPct",
            [$"/v1/services/scorecard?{LastMonth}&sort=availabilityPct"], Rows(ServiceCatalogue.Services.Length)),
    ];

    /// <summary>The answer must list <paramref name="count"/> rows, one per catalogue service.</summary>
    private static Func<JsonElement, string?> Rows(int count) => body =>
        body.TryGetProperty("rows", out var rows) && rows.ValueKind == JsonValueKind.Array && rows.GetArrayLength() == count
            ? null : $"does not list {count} rows";

    /// <summary>The answer must hold a non-null <paramref name="property"/>.</summary>
    private static Func<JsonElement, string?> Has(string property) => body =>
        body.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null ? null : $"has no '{property}'";
}
