using CxApi.Features.Demo;

namespace CxApi.Benchmarks;

/// <summary>The eight services the seeded records name: the demo generator's catalogue (<see cref="DemoCatalogue"/>), with its skew.</summary>
public static class ServiceCatalogue
{
    public static readonly DemoService[] Services = [.. DemoCatalogue.Services];

    /// <summary>Adds the services to the catalogue through <c>POST /v1/services/batch</c>.</summary>
    public static Task<List<string>> CreateAsync(HttpClient http, CancellationToken ct) =>
        Seeder.PostBatchAsync(http, "/v1/services/batch", Seeder.Items(DemoGenerator.Services()), Services.Length, ct);
}
