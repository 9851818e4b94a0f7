using CxApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using System.Net.Http.Json;
using System.Text.Json;

namespace CxApi.Tests.Integration;

/// <summary>
/// Rollups kept up to date write by write equal rollups rebuilt from the records, and metrics read from
/// rollups equal metrics counted from the records.
/// </summary>
public sealed class RollupTests(RollupTests.TwoViews views) : IClassFixture<RollupTests.TwoViews>
{
    /// <summary>One seeded database served twice: from rollups, and counting the records only.</summary>
    public sealed class TwoViews : IAsyncLifetime
    {
        private readonly string _path = CxApiFactory.NewDatabasePath();
        public CxApiFactory WithRollups { get; private set; } = null!;
        public CxApiFactory RecordsOnly { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            WithRollups = new CxApiFactory { DatabasePath = _path, KeepDatabase = true };
            await SeedAsync(WithRollups.CreateClient(), seed: 3);
            RecordsOnly = new CxApiFactory { DatabasePath = _path, KeepDatabase = true, Settings = { ["Metrics:UseRollups"] = "false" } };
        }

        public async Task DisposeAsync()
        {
            await WithRollups.DisposeAsync();
            await RecordsOnly.DisposeAsync();
            CxApiFactory.DeleteDatabase(_path);
        }
    }

    private static readonly DateTimeOffset Start = new(2026, 9, 28, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A mix of every record kind, then changes and deletes, all through the API.</summary>
    private static async Task SeedAsync(HttpClient client, int seed)
    {
        var random = new Random(seed);
        string[] channels = ["email", "chat", "phone", "in_store"], regions = ["emea", "apac"], tags = ["vip", "onboarding", "refund"];
        // Services come from their own sequence, so the other fields are what they were before the service dimension.
        var serviceRandom = new Random(seed + 1);
        string[] services = ["checkout-web", "mobile-app"];
        string? Service() => serviceRandom.Next(3) == 0 ? null : services[serviceRandom.Next(services.Length)];
        var surveys = new Dictionary<string, string>();
        foreach (var kind in new[] { "nps", "csat", "ces", "rating", "sus" }) surveys[kind] = await client.CreateSurveyAsync(kind);

        var responses = new List<string>();
        for (var i = 0; i < 160; i++)
        {
            var kind = surveys.Keys.ElementAt(i % 5);
            var (min, max) = kind switch { "nps" => (0, 10), "ces" => (1, 7), _ => (1, 5) };
            var body = new Dictionary<string, object?>
            {
                ["surveyId"] = surveys[kind],
                ["respondedAt"] = Api.Time(Start.AddMinutes(random.Next(0, 60 * 24 * 40))),
                ["channel"] = random.Next(5) == 0 ? null : channels[random.Next(channels.Length)],
                ["region"] = random.Next(4) == 0 ? null : regions[random.Next(regions.Length)],
                ["product"] = random.Next(2) == 0 ? "app" : null,
                ["service"] = Service(),
                ["tags"] = tags.Where(_ => random.Next(3) == 0).ToArray(),
            };
            if (kind == "sus") body["answers"] = Enumerable.Range(0, 10).Select(_ => random.Next(1, 6)).ToArray();
            else body["score"] = random.Next(min, max + 1);
            responses.Add((await client.PostOkAsync("/v1/responses", body)).Id());
        }
        foreach (var id in responses.Where((_, i) => i % 7 == 0))
            (await client.DeleteAsync($"/v1/responses/{id}")).EnsureSuccessStatusCode();

        var interactions = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var opened = Start.AddMinutes(random.Next(0, 60 * 24 * 40));
            var resolved = random.Next(3) == 0;
            interactions.Add((await client.PostOkAsync("/v1/interactions", new
            {
                channel = channels[random.Next(channels.Length)],
                type = random.Next(2) == 0 ? "support" : "sales",
                team = random.Next(3) == 0 ? null : $"tier{random.Next(1, 3)}",
                tags = tags.Where(_ => random.Next(4) == 0).ToArray(),
                openedAt = Api.Time(opened),
                firstResponseAt = random.Next(5) == 0 ? null : Api.Time(opened.AddSeconds(random.Next(1, 20_000))),
                resolvedAt = resolved ? Api.Time(opened.AddSeconds(random.Next(20_000, 200_000))) : null,
                status = resolved ? "resolved" : random.Next(6) == 0 ? "abandoned" : "open",
                contactCount = random.Next(1, 4),
                escalated = random.Next(4) == 0,
                service = Service(),
            })).Id());
        }
        foreach (var id in interactions.Where((_, i) => i % 4 == 0))
        {
            var patch = new { status = "resolved", resolvedAt = Api.Time(Start.AddDays(45)), contactCount = 1, team = "tier9", tags = new[] { "escalated" } };
            (await client.PatchAsync($"/v1/interactions/{id}", JsonContent.Create(patch))).EnsureSuccessStatusCode();
        }
        foreach (var id in interactions.Where((_, i) => i % 9 == 1))
            (await client.DeleteAsync($"/v1/interactions/{id}")).EnsureSuccessStatusCode();

        var reviews = new List<string>();
        for (var i = 0; i < 50; i++)
            reviews.Add((await client.PostOkAsync("/v1/reviews", new
            {
                source = random.Next(2) == 0 ? "trustpilot" : "google",
                rating = random.Next(1, 6),
                region = random.Next(3) == 0 ? null : regions[random.Next(regions.Length)],
                service = Service(),
                publishedAt = Api.Time(Start.AddMinutes(random.Next(0, 60 * 24 * 40))),
            })).Id());
        (await client.DeleteAsync($"/v1/reviews/{reviews[3]}")).EnsureSuccessStatusCode();
    }

    private static Task<Dictionary<string, List<string>>> SnapshotAsync(CxApiFactory factory) => factory.WithDbAsync(async db =>
    {
        static string Row(params object[] values) => string.Join("|", values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));
        return new Dictionary<string, List<string>>
        {
            ["responses"] = (await db.ResponseRollups.Where(r => r.Count != 0).ToListAsync())
                .Select(r => Row(r.Kind, r.Dimension, r.Value, r.SlotSeconds, r.SlotStartMicros, r.SurveyId, r.Score, r.Count)).Order().ToList(),
            ["reviews"] = (await db.ReviewRollups.Where(r => r.Count != 0).ToListAsync())
                .Select(r => Row(r.Dimension, r.Value, r.SlotSeconds, r.SlotStartMicros, r.Rating, r.Count)).Order().ToList(),
            ["interactions"] = (await db.InteractionRollups.Where(r => r.Count != 0).ToListAsync())
                .Select(r => Row(r.Dimension, r.Value, r.SlotSeconds, r.SlotStartMicros, r.Count, r.Resolved, r.ResolvedFirstContact, r.Escalated,
                    r.Abandoned, r.WithFirstResponse, r.WithinDefaultSla, r.FirstResponseMicros, r.ResolutionMicros)).Order().ToList(),
            ["bins"] = (await db.InteractionBinRollups.Where(r => r.Count != 0).ToListAsync())
                .Select(r => Row(r.Dimension, r.Value, r.SlotSeconds, r.SlotStartMicros, r.Which, r.Bin, r.Count)).Order().ToList(),
        };
    });

    [Fact]
    public async Task RebuildingFromTheRecordsGivesExactlyTheIncrementalRollups()
    {
        using var factory = new CxApiFactory();
        var client = factory.CreateClient();
        await SeedAsync(client, seed: 11);

        var check = await client.GetOkAsync("/v1/admin/rollups/verify");
        Assert.True(check.GetProperty("consistent").GetBoolean(), check.ToString());
        var incremental = await SnapshotAsync(factory);
        Assert.All(incremental.Values, rows => Assert.NotEmpty(rows));
        foreach (var table in incremental.Keys) // every kind rolls up its service dimension, a missing service as ""
        {
            Assert.Contains(incremental[table], row => row.Contains("|service|checkout-web|", StringComparison.Ordinal) || row.StartsWith("service|checkout-web|", StringComparison.Ordinal));
            Assert.Contains(incremental[table], row => row.Contains("|service||", StringComparison.Ordinal) || row.StartsWith("service||", StringComparison.Ordinal));
        }

        var rebuilt = await (await client.PostAsync("/v1/admin/rollups/rebuild", null)).JsonAsync();
        Assert.True(rebuilt.GetProperty("rows").GetProperty("ResponseRollups").GetInt32() > 0);
        var fromRecords = await SnapshotAsync(factory);

        foreach (var table in incremental.Keys) Assert.Equal(incremental[table], fromRecords[table]);
    }

    [Fact]
    public async Task VerifyNoticesARollupThatDisagreesWithTheRecords()
    {
        using var factory = new CxApiFactory();
        var client = factory.CreateClient();
        await SeedAsync(client, seed: 5);
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""UPDATE "ReviewRollups" SET "Count" = "Count" + 1 WHERE "Dimension" = 'source'"""));

        var check = await client.GetOkAsync("/v1/admin/rollups/verify");
        Assert.False(check.GetProperty("consistent").GetBoolean());
        Assert.True(check.GetProperty("differences").GetProperty("ReviewRollups").GetInt64() > 0);
        Assert.Equal(0, check.GetProperty("differences").GetProperty("ResponseRollups").GetInt64());

        await client.PostAsync("/v1/admin/rollups/rebuild", null);
        Assert.True((await client.GetOkAsync("/v1/admin/rollups/verify")).GetProperty("consistent").GetBoolean());
    }

    public static TheoryData<string> Queries() =>
    [
        "/v1/metrics/nps?from=2026-09-01T00:00:00Z&to=2026-12-01T00:00:00Z",
        "/v1/metrics/csat?from=2026-09-28T07:13:00.5Z&to=2026-10-30T19:01:00Z",
        "/v1/metrics/ces?channel=email&channel=chat&from=2026-09-01T00:00:00Z&to=2026-12-01T00:00:00Z",
        "/v1/metrics/rating?groupBy=channel&from=2026-09-01T00:00:00Z&to=2026-12-01T00:00:00Z",
        "/v1/metrics/sus?groupBy=surveyId&from=2026-09-01T00:00:00Z&to=2026-12-01T00:00:00Z",
        "/v1/metrics/nps?tag=vip&from=2026-09-01T00:00:00Z&to=2026-12-01T00:00:00Z",
        "/v1/metrics/nps?groupBy=tag&from=2026-09-01T00:00:00Z&to=2026-12-01T00:00:00Z",
        "/v1/metrics/nps?tag=vip&tag=refund&from=2026-09-01T00:00:00Z&to=2026-12-01T00:00:00Z",
        "/v1/metrics/csat?channel=email&region=emea&from=2026-09-01T00:00:00Z&to=2026-12-01T00:00:00Z",
        "/v1/metrics/nps/trend?interval=week&tz=Europe/Berlin&from=2026-09-20T00:00:00Z&to=2026-11-09T00:00:00Z",
        "/v1/metrics/csat/trend?interval=day&tz=Asia/Kolkata&groupBy=region&from=2026-09-28T00:00:00Z&to=2026-10-20T00:00:00Z",
        "/v1/metrics/rating/trend?interval=month&tz=America/New_York&region=emea&from=2026-09-01T00:00:00Z&to=2026-12-01T00:00:00Z",
        "/v1/metrics/reviews?groupBy=source&from=2026-09-01T00:00:00Z&to=2026-12-01T00:00:00Z",
        "/v1/metrics/reviews/trend?interval=week&source=google&from=2026-09-01T00:00:00Z&to=2026-12-01T00:00:00Z",
        "/v1/metrics/interactions?from=2026-09-01T00:00:00Z&to=2026-12-01T00:00:00Z",
        "/v1/metrics/interactions?groupBy=team&from=2026-09-28T11:00:00Z&to=2026-11-01T00:00:00Z",
        "/v1/metrics/interactions?slaSeconds=600&from=2026-09-01T00:00:00Z&to=2026-12-01T00:00:00Z",
        "/v1/metrics/interactions/trend?interval=week&tz=Europe/Berlin&tag=vip&from=2026-09-01T00:00:00Z&to=2026-12-01T00:00:00Z",
        "/v1/metrics/summary?from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z",
        "/v1/metrics/nps/trend?interval=day&groupBy=channel&from=2026-10-05T02:00:00Z&to=2026-10-08T22:00:00Z",
        "/v1/metrics/nps?groupBy=service&from=2026-09-01T00:00:00Z&to=2026-12-01T00:00:00Z",
        "/v1/metrics/csat?service=checkout-web&groupBy=surveyId&from=2026-09-28T07:13:00Z&to=2026-11-01T00:00:00Z",
        "/v1/metrics/interactions/trend?interval=week&service=mobile-app&from=2026-09-01T00:00:00Z&to=2026-12-01T00:00:00Z",
        "/v1/metrics/reviews?groupBy=service&from=2026-09-01T00:00:00Z&to=2026-12-01T00:00:00Z",
        "/v1/metrics/summary?service=checkout-web&from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z",
    ];

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task MetricsFromRollupsEqualMetricsCountedFromTheRecords(string url)
    {
        var fast = await views.WithRollups.CreateClient().GetOkAsync(url);
        var exact = await views.RecordsOnly.CreateClient().GetOkAsync(url);

        Assert.Equal(Normalize(exact), Normalize(fast));
        Assert.True(CountsSomething(fast), $"the query matched nothing, so it compares nothing: {url}");
    }

    private static bool CountsSomething(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().Any(p =>
            (p.Name is "responses" or "count" or "n" && p.Value.ValueKind == JsonValueKind.Number && p.Value.GetInt64() > 0) || CountsSomething(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().Any(CountsSomething),
        _ => false,
    };

    /// <summary>Numbers to 9 significant digits (sums may be added in another order), everything else as is.</summary>
    private static string Normalize(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", e.EnumerateObject().Select(p => $"{p.Name}:{Normalize(p.Value)}")) + "}",
        JsonValueKind.Array => "[" + string.Join(",", e.EnumerateArray().Select(Normalize)) + "]",
        JsonValueKind.Number => e.GetDouble().ToString("G9", System.Globalization.CultureInfo.InvariantCulture),
        _ => e.ToString(),
    };
}
