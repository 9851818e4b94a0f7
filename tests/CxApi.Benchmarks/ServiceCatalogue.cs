namespace CxApi.Benchmarks;

/// <summary>
/// The services the seeded records name: eight catalogue entries with a skew like a shop's (the web checkout and the
/// app carry most of the traffic, internal tools little).
/// </summary>
public static class ServiceCatalogue
{
    /// <summary>Key, tier and share of the records (per mille, summing to 1,000).</summary>
    public static readonly (string Key, int Tier, int PerMille)[] Services =
    [
        ("checkout-web", 1, 300),
        ("mobile-app", 1, 220),
        ("payments-api", 1, 150),
        ("search", 2, 110),
        ("accounts", 2, 90),
        ("notifications", 3, 60),
        ("help-center", 3, 50),
        ("partner-portal", 3, 20),
    ];

    /// <summary>A service key drawn with the skew above.</summary>
    public static string Pick(Random random)
    {
        var draw = random.Next(1000);
        foreach (var (key, _, perMille) in Services)
        {
            if (draw < perMille) return key;
            draw -= perMille;
        }
        return Services[^1].Key;
    }

    /// <summary>Adds the services to the catalogue through <c>POST /v1/services/batch</c>.</summary>
    public static Task<List<string>> CreateAsync(HttpClient http, CancellationToken ct) =>
        Seeder.PostBatchAsync(http, "/v1/services/batch", Seeder.Items(Services.Length, 80, (json, i) =>
        {
            json.WriteString("key", Services[i].Key);
            json.WriteString("name", Services[i].Key.Replace('-', ' '));
            json.WriteNumber("tier", Services[i].Tier);
        }), Services.Length, ct);
}
