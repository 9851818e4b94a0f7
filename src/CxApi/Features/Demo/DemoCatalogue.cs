namespace CxApi.Features.Demo;

/// <summary>
/// The eight services the demo (and the benchmark) records name, with a skew like a shop's: the web checkout and the app
/// carry most of the traffic, internal tools little.
/// </summary>
public static class DemoCatalogue
{
    public const string Checkout = "checkout-web", MobileApp = "mobile-app", Payments = "payments-api", Search = "search";

    /// <summary>The shares sum to 1,000.</summary>
    public static readonly IReadOnlyList<DemoService> Services =
    [
        new(Checkout, "Web checkout", 1, "web-shop", 300, 0.2),
        new(MobileApp, "Mobile app", 1, "mobile", 220, 0.1),
        new(Payments, "Payments API", 1, "payments", 150, 0.15),
        new(Search, "Product search", 2, "discovery", 110, 0.0),
        new("accounts", "Accounts and sign-in", 2, "identity", 90, -0.1),
        new("notifications", "E-mail and push notifications", 3, "messaging", 60, 0.05),
        new("help-center", "Help center", 3, "support-tools", 50, -0.15),
        new("partner-portal", "Partner portal", 3, "partners", 20, -0.3),
    ];

    private static readonly Dictionary<string, DemoService> ByKey = Services.ToDictionary(s => s.Key, StringComparer.Ordinal);

    public static DemoService Of(string key) => ByKey[key];

    /// <summary>A service drawn with the skew above.</summary>
    public static DemoService Pick(Random random)
    {
        var draw = random.Next(1000);
        foreach (var service in Services)
        {
            if (draw < service.PerMille) return service;
            draw -= service.PerMille;
        }
        return Services[^1];
    }
}
