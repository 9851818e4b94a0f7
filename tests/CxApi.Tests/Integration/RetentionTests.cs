using CxApi.Features.Retention;
using CxApi.Infrastructure.Entities;
using CxApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CxApi.Tests.Integration;

/// <summary>
/// The retention job on a fake clock, on either provider: records past their kind's limit go (lists, counts, the
/// changes feed's tombstones, incidents' impact), while metrics over the purged period still equal what they were,
/// from the rollups, and say <c>recordsPurged</c>; rollup verification and a rebuild leave the purged period alone.
/// </summary>
public sealed class RetentionTests
{
    private static readonly string[] Kinds = ["responses", "interactions", "reviews", "incidents"];

    private static CxApiFactory Factory(FakeTimeProvider clock, string interval = "7.00:00:00") => new()
    {
        Clock = clock,
        Settings =
        {
            ["Retention:Responses"] = "P10D",
            ["Retention:Interactions"] = "P10D",
            ["Retention:Reviews"] = "P10D",
            ["Retention:Incidents"] = "P1W3D",
            ["Retention:Interval"] = interval,
            ["Retention:BatchSize"] = "4", // several batches per kind
        },
    };

    /// <summary>What was seeded, per kind: the records of days 6 to 9 before today (purged 5 days on) and of days 1 to 5 (kept).</summary>
    private sealed record Seeded(Dictionary<string, List<string>> Old, Dictionary<string, List<string>> Recent, string OldRatedInteraction);

    /// <summary>Records of every kind on each of the 9 days before today (UTC), at unaligned times of day.</summary>
    private static async Task<Seeded> SeedAsync(HttpClient client, DateTimeOffset today)
    {
        var survey = await client.CreateSurveyAsync("nps");
        var service = await client.CreateServiceAsync();
        var items = Kinds.ToDictionary(k => k, _ => new List<(int Day, object Body)>());
        for (var d = 1; d <= 9; d++)
        {
            var day = today.AddDays(-d);
            foreach (var (minute, i) in new[] { 10 * 60 + 15, 13 * 60 + 40, 20 * 60 + 5 }.Select((m, i) => (m, i)))
            {
                var at = day.AddMinutes(minute);
                var resolved = (d + i) % 3 != 0;
                items["responses"].Add((d, new { surveyId = survey, score = (d * 3 + i) % 11, channel = i == 0 ? "email" : "chat", respondedAt = Api.Time(at) }));
                items["reviews"].Add((d, new { source = "trustpilot", rating = (d + i) % 5 + 1, publishedAt = Api.Time(at.AddMinutes(7)) }));
                items["interactions"].Add((d, new
                {
                    channel = "chat",
                    type = "support",
                    openedAt = Api.Time(at),
                    firstResponseAt = Api.Time(at.AddMinutes(d + i)),
                    status = resolved ? "resolved" : "open",
                    resolvedAt = resolved ? Api.Time(at.AddHours(i + 1)) : null,
                }));
            }
            items["incidents"].Add((d, new
            {
                title = $"Outage {d} days ago",
                services = new[] { service },
                severity = "sev2",
                impact = "outage",
                startedAt = Api.Time(day.AddHours(11)),
                resolvedAt = Api.Time(day.AddHours(12)),
            }));
        }

        var old = Kinds.ToDictionary(k => k, _ => new List<string>());
        var recent = Kinds.ToDictionary(k => k, _ => new List<string>());
        foreach (var kind in Kinds)
        {
            var results = (await client.PostBatchAsync($"/v1/{kind}/batch", items[kind].Select(i => i.Body))).GetProperty("results").EnumerateArray().ToList();
            Assert.All(results, r => Assert.Equal("created", r.GetProperty("status").GetString()));
            foreach (var (result, (day, _)) in results.Zip(items[kind])) (day >= 6 ? old : recent)[kind].Add(result.Id());
        }
        // An old interaction rated by a recent response: it stays while the response does.
        var oldRated = old["interactions"][0];
        recent["responses"].Add((await client.PostOkAsync("/v1/responses", new
        {
            surveyId = survey,
            score = 9,
            interactionId = oldRated,
            respondedAt = Api.Time(today.AddDays(-2).AddHours(9)),
        })).Id());
        return new Seeded(old, recent, oldRated);
    }

    /// <summary>The metric bodies compared across the purge: the old period, one across the horizon, and trends and groups.</summary>
    private static string[] Metrics(DateTimeOffset today)
    {
        string Period(DateTimeOffset from, DateTimeOffset to) => $"from={Uri.EscapeDataString(Api.Time(from))}&to={Uri.EscapeDataString(Api.Time(to))}";
        var oldPeriod = Period(today.AddDays(-9), today.AddDays(-5));
        // From a whole hour in the purged days to an unaligned time in the kept ones.
        var across = Period(today.AddDays(-7).AddHours(10), today.AddDays(-3).AddHours(12).AddMinutes(30));
        return
        [
            $"/v1/metrics/nps?{oldPeriod}", $"/v1/metrics/nps?{oldPeriod}&groupBy=channel", $"/v1/metrics/nps?{across}",
            $"/v1/metrics/nps/trend?{oldPeriod}&interval=day", $"/v1/metrics/nps/trend?{across}&interval=day&tz=Asia/Kolkata",
            $"/v1/metrics/reviews?{oldPeriod}", $"/v1/metrics/reviews?{across}", $"/v1/metrics/reviews/trend?{oldPeriod}&interval=week",
            $"/v1/metrics/interactions?{oldPeriod}", $"/v1/metrics/interactions?{across}", $"/v1/metrics/interactions/trend?{across}&interval=day",
        ];
    }

    private static async Task<Dictionary<string, JsonElement>> ReadAsync(HttpClient client, IEnumerable<string> urls)
    {
        var bodies = new Dictionary<string, JsonElement>();
        foreach (var url in urls) bodies[url] = await client.GetOkAsync(url);
        return bodies;
    }

    /// <summary>A body without its <c>recordsPurged</c>, to compare the figures.</summary>
    private static string Figures(JsonElement body)
    {
        var node = JsonNode.Parse(body.GetRawText())!.AsObject();
        node.Remove("recordsPurged");
        return node.ToJsonString();
    }

    private static async Task<IReadOnlyDictionary<string, long>> PurgeAsync(CxApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionPurge>().RunAsync(CancellationToken.None);
    }

    private static async Task<(List<string> Upserts, List<string> Deletes)> ChangesAsync(HttpClient client, string resource)
    {
        var changes = (await client.GetOkAsync($"/v1/changes/{resource}?limit=1000")).GetProperty("changes").EnumerateArray().ToList();
        return ([.. changes.Where(c => c.GetProperty("op").GetString() == "upsert").Select(c => c.Id())],
            [.. changes.Where(c => c.GetProperty("op").GetString() == "delete").Select(c => c.Id())]);
    }

    [Fact]
    public async Task RecordsPastTheLimitGoWhileMetricsOverThePurgedPeriodStayTheSame()
    {
        var clock = CxApiFactory.FakeClock();
        using var factory = Factory(clock);
        var client = factory.CreateClient();
        var today = new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        var seeded = await SeedAsync(client, today);
        var metrics = Metrics(today);
        var before = await ReadAsync(client, metrics);
        Assert.All(before.Values, body => Assert.False(body.GetProperty("recordsPurged").GetBoolean()));
        var availabilityBefore = await client.GetOkAsync($"/v1/metrics/availability?from={Api.Time(today.AddDays(-9))}&to={Api.Time(today)}");
        Assert.False(availabilityBefore.GetProperty("recordsPurged").GetBoolean());
        var oldIncident = seeded.Old["incidents"][0];
        (await client.GetAsync($"/v1/incidents/{oldIncident}/impact")).EnsureSuccessStatusCode();

        // Five days on, the 10-day limit reaches the start of day 5 before the seeding's today.
        clock.Advance(TimeSpan.FromDays(5));
        var purged = await PurgeAsync(factory);

        // The old interaction a kept response rates stays; everything else of days 6 to 9 is gone.
        var expectedPurged = Kinds.ToDictionary(k => k, k => seeded.Old[k].Where(id => id != seeded.OldRatedInteraction).ToList());
        Assert.Equal(Kinds.ToDictionary(k => k, k => (long)expectedPurged[k].Count), purged);
        Assert.Equal(12, purged["responses"]);
        var kept = Kinds.ToDictionary(k => k, k => seeded.Recent[k].Concat(seeded.Old[k].Except(expectedPurged[k])).Order().ToList());
        foreach (var kind in Kinds)
        {
            Assert.Equal(kept[kind], (await client.ListAllAsync($"/v1/{kind}")).Select(r => r.Id()).Order());
            var (upserts, deletes) = await ChangesAsync(client, kind);
            Assert.Equal(expectedPurged[kind].Order(), deletes.Order());
            Assert.Equal(kept[kind], upserts.Order());
        }
        Assert.Equal(kept["responses"].Count, await factory.CountAsync<ResponseEntity>());
        Assert.Equal(kept["interactions"].Count, await factory.CountAsync<InteractionEntity>());
        Assert.Equal(kept["reviews"].Count, await factory.CountAsync<ReviewEntity>());
        Assert.Equal(kept["incidents"].Count, await factory.CountAsync<IncidentEntity>());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/v1/incidents/{oldIncident}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/v1/incidents/{oldIncident}/impact")).StatusCode);
        (await client.GetAsync($"/v1/incidents/{seeded.Recent["incidents"][0]}/impact")).EnsureSuccessStatusCode();

        var horizon = Api.Time(today.AddDays(-5));
        var horizons = await factory.WithDbAsync(db => db.Set<PurgeHorizonEntity>().ToDictionaryAsync(h => h.Resource, h => h.BeforeMicros));
        Assert.Equal(Kinds.ToDictionary(k => k, _ => today.AddDays(-5).ToUnixTimeMilliseconds() * 1000), horizons);

        // The same figures, from the rollups, saying so; a period after the horizon says it is whole.
        var after = await ReadAsync(client, metrics);
        foreach (var url in metrics)
        {
            Assert.Equal(Figures(before[url]), Figures(after[url]));
            Assert.True(after[url].GetProperty("recordsPurged").GetBoolean(), url);
        }
        var kept5Days = await client.GetOkAsync($"/v1/metrics/nps?from={horizon}");
        Assert.False(kept5Days.GetProperty("recordsPurged").GetBoolean());
        Assert.Equal(kept["responses"].Count, kept5Days.GetProperty("responses").GetInt64());
        // Incidents have no rollups: availability over the purged days counts what is left, and says records were purged.
        Assert.True((await client.GetOkAsync($"/v1/metrics/availability?from={Api.Time(today.AddDays(-9))}&to={Api.Time(today)}"))
            .GetProperty("recordsPurged").GetBoolean());

        // Verification skips the purged days; a rebuild keeps their rollups; a second pass has nothing left to do.
        Assert.True((await client.GetOkAsync("/v1/admin/rollups/verify")).GetProperty("consistent").GetBoolean());
        (await client.PostAsync("/v1/admin/rollups/rebuild", null)).EnsureSuccessStatusCode();
        Assert.True((await client.GetOkAsync("/v1/admin/rollups/verify")).GetProperty("consistent").GetBoolean());
        var rebuilt = await ReadAsync(client, metrics);
        Assert.All(metrics, url => Assert.Equal(Figures(before[url]), Figures(rebuilt[url])));
        var tombstones = await factory.CountAsync<TombstoneEntity>();
        Assert.All((await PurgeAsync(factory)).Values, count => Assert.Equal(0, count));
        Assert.Equal(tombstones, await factory.CountAsync<TombstoneEntity>());
    }

    [Fact]
    public async Task TheBackgroundJobPurgesOnItsIntervalAndTheInteractionGoesWithTheResponseThatRatedIt()
    {
        var clock = CxApiFactory.FakeClock();
        using var factory = Factory(clock, interval: "01:00:00");
        var client = factory.CreateClient();
        var today = new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        var seeded = await SeedAsync(client, today);
        var all = await factory.CountAsync<ResponseEntity>();

        // Ten days on, every seeded record is past its limit: the job, on its own, purges them all.
        clock.Advance(TimeSpan.FromDays(10));
        for (var waited = 0; await factory.CountAsync<InteractionEntity>() + await factory.CountAsync<IncidentEntity>() > 0; waited += 50)
        {
            Assert.True(waited < 60_000, "the retention job did not purge within 60 s");
            await Task.Delay(50);
        }
        Assert.Equal(0, await factory.CountAsync<ResponseEntity>());
        Assert.Equal(0, await factory.CountAsync<ReviewEntity>());
        Assert.Equal(all, (await ChangesAsync(client, "responses")).Deletes.Count);
        Assert.Contains(seeded.OldRatedInteraction, (await ChangesAsync(client, "interactions")).Deletes);
        Assert.True((await client.GetOkAsync("/v1/admin/rollups/verify")).GetProperty("consistent").GetBoolean());
    }

    [Theory]
    [InlineData("Responses", "P1Y", "Retention:Responses is 'P1Y', which is not an ISO 8601 duration")]
    [InlineData("Incidents", "90 days", "Retention:Incidents is '90 days', which is not an ISO 8601 duration")]
    [InlineData("Reviews", "PT12H", "Retention:Reviews is 'PT12H': records are purged by whole UTC days")]
    public void ABadLimitFailsTheStartSayingWhichSettingAndWhy(string setting, string value, string message)
    {
        using var factory = new CxApiFactory { Settings = { [$"Retention:{setting}"] = value } };
        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var messages = string.Join(" | ", Flatten(failure).Select(e => e.Message));
        Assert.Contains(message, messages);
    }

    private static IEnumerable<Exception> Flatten(Exception e) =>
        e is AggregateException a ? a.InnerExceptions.SelectMany(Flatten) : e.InnerException is null ? [e] : [e, .. Flatten(e.InnerException)];
}
