using CxApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CxApi.Tests.Integration;

/// <summary>
/// Erasure and the right of access (issue 16, item 1): one customer seeded across every kind of record, incidents, an
/// idempotent POST and batch and webhook deliveries, next to other customers; erased; then every table of the database
/// read for the id, every metric and the other customers' records compared with what they were before the customer's
/// records came, the rollups verified and the changes feed read for the tombstones. Runs on PostgreSQL with CX_TEST_POSTGRES.
/// </summary>
public sealed class CustomerErasureTests : IDisposable
{
    // Deliveries stay in the outbox as written (no instance sends them), and the clock stands still, so that a figure
    // that depends on now (how long a ticket has been open) is the same before and after.
    private readonly CxApiFactory _factory = new() { Settings = { ["Webhooks:DeliveryEnabled"] = "false" }, Clock = CxApiFactory.FakeClock() };
    private readonly HttpClient _admin;

    public CustomerErasureTests() => _admin = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    private static string HoursAgo(double hours) => Api.Time(Api.Now.AddHours(-hours));

    /// <summary>A fixed period around the seeded records, so that a metric's body depends on the records alone.</summary>
    private static readonly string Period =
        $"from={Uri.EscapeDataString(Api.Time(Api.Now.AddDays(-10)))}&to={Uri.EscapeDataString(Api.Time(Api.Now.AddHours(1)))}";

    private static readonly string[] Metrics =
    [
        "/v1/metrics/nps", "/v1/metrics/csat", "/v1/metrics/reviews", "/v1/metrics/interactions", "/v1/metrics/rating",
        "/v1/metrics/nps?groupBy=channel", "/v1/metrics/csat?groupBy=tag", "/v1/metrics/interactions?groupBy=team",
        "/v1/metrics/nps/trend?interval=day", "/v1/metrics/reviews/trend?interval=day", "/v1/metrics/interactions/trend?interval=day",
        "/v1/metrics/summary", "/v1/metrics/drivers?metric=csat&factor=channel", "/v1/metrics/availability?service=checkout-web",
        "/v1/customers/at-risk",
    ];

    private async Task<Dictionary<string, string>> MetricBodiesAsync()
    {
        var bodies = new Dictionary<string, string>();
        foreach (var url in Metrics)
            bodies[url] = (await _admin.GetOkAsync($"{url}{(url.Contains('?') ? '&' : '?')}{Period}")).GetRawText();
        return bodies;
    }

    /// <summary>Every response, interaction, review and incident as the API lists them, by kind.</summary>
    private async Task<Dictionary<string, List<string>>> RecordsAsync()
    {
        var records = new Dictionary<string, List<string>>();
        foreach (var kind in new[] { "responses", "interactions", "reviews", "incidents" })
            records[kind] = [.. (await _admin.ListAllAsync($"/v1/{kind}", limit: 1000))
                .Select(r => kind == "incidents" ? WithoutUpdatedAt(r) : r.GetRawText()).Order(StringComparer.Ordinal)];
        return records;
    }

    /// <summary>An incident's body without <c>updatedAt</c>, which the erasure moves as a PATCH would.</summary>
    private static string WithoutUpdatedAt(JsonElement incident) =>
        JsonSerializer.Serialize(incident.EnumerateObject().Where(p => p.Name != "updatedAt").ToDictionary(p => p.Name, p => p.Value));

    [Fact]
    public async Task ErasingACustomerLeavesTheIdInNoTableAndEverythingElseAsItWas()
    {
        var erased = $"c-erase-{Guid.NewGuid():N}";
        string keepA = $"c-keep-{Guid.NewGuid():N}", keepB = $"c-keep-{Guid.NewGuid():N}";
        var nps = await _admin.CreateSurveyAsync("nps");
        var csat = await _admin.CreateSurveyAsync("csat");
        await _admin.PostOkAsync("/v1/services", new { key = "checkout-web", name = "Checkout", tier = 1 });
        var webhook = await _admin.PostOkAsync("/v1/webhooks", new { url = "https://hooks.example.com/cx", events = new[] { "response.created", "review.created" } });

        // The other customers, and records of no customer.
        var ticketA = (await _admin.PostOkAsync("/v1/interactions", new
        {
            channel = "chat",
            type = "support",
            customerId = keepA,
            team = "tier1",
            openedAt = HoursAgo(50),
            status = "resolved",
            firstResponseAt = HoursAgo(49.9),
            resolvedAt = HoursAgo(48),
        })).Id();
        await _admin.PostOkAsync("/v1/interactions", new { channel = "phone", type = "billing", customerId = keepB, team = "tier2", openedAt = HoursAgo(40), status = "open" });
        await _admin.PostOkAsync("/v1/responses", new { surveyId = nps, score = 9, customerId = keepA, channel = "email", respondedAt = HoursAgo(47) });
        await _admin.PostOkAsync("/v1/responses", new { surveyId = nps, score = 2, customerId = keepB, channel = "web", respondedAt = HoursAgo(30) });
        await _admin.PostOkAsync("/v1/responses", new { surveyId = csat, score = 4, customerId = keepA, interactionId = ticketA, channel = "chat", tags = new[] { "billing" }, respondedAt = HoursAgo(46) });
        await _admin.PostOkAsync("/v1/responses", new { surveyId = csat, score = 3, channel = "chat", respondedAt = HoursAgo(20) });
        await _admin.PostOkAsync("/v1/reviews", new { source = "trustpilot", rating = 5, customerId = keepA, publishedAt = HoursAgo(45) });
        await _admin.PostOkAsync("/v1/reviews", new { source = "app-store", rating = 2, publishedAt = HoursAgo(25) });
        var outage = await _admin.PostOkAsync("/v1/incidents", new
        {
            title = "Checkout down",
            services = new[] { "checkout-web" },
            severity = "sev1",
            impact = "outage",
            startedAt = HoursAgo(60),
            resolvedAt = HoursAgo(59),
            customerIds = new[] { keepA },
        });
        var slowness = await _admin.PostOkAsync("/v1/incidents", new
        {
            title = "Checkout slow",
            services = new[] { "checkout-web" },
            severity = "sev3",
            impact = "partial",
            startedAt = HoursAgo(36),
            resolvedAt = HoursAgo(35),
            customerIds = new[] { keepA, keepB },
        });
        var metricsBefore = await MetricBodiesAsync();
        var recordsBefore = await RecordsAsync();
        var deliveriesBefore = await _factory.WithDbAsync(db => db.Set<Infrastructure.Entities.WebhookDeliveryEntity>().CountAsync());

        // The customer: every kind of record, an idempotent POST and batch, a response that rates their ticket without
        // naming them, and both incidents (patched, so that after the erasure they are as they were).
        var ticket = (await _admin.PostOkAsync("/v1/interactions", new
        {
            channel = "chat",
            type = "support",
            customerId = erased,
            team = "tier1",
            openedAt = HoursAgo(30),
            status = "resolved",
            firstResponseAt = HoursAgo(29),
            resolvedAt = HoursAgo(28),
        })).Id();
        var single = new { surveyId = nps, score = 1, comment = "Never again", customerId = erased, channel = "email", respondedAt = HoursAgo(27) };
        var singleKey = Guid.NewGuid().ToString();
        var answer = (await SendIdempotentAsync("/v1/responses", single, singleKey)).Id();
        var batch = await SendIdempotentAsync("/v1/responses/batch", new
        {
            items = new object[]
            {
                new { surveyId = csat, score = 1, customerId = erased, channel = "chat", respondedAt = HoursAgo(26) },
                new { surveyId = csat, score = 2, customerId = erased, channel = "web", tags = new[] { "billing" }, respondedAt = HoursAgo(25) },
            },
        }, Guid.NewGuid().ToString(), HttpStatusCode.OK);
        var batched = batch.GetProperty("results").EnumerateArray().Select(i => i.Id()).ToList();
        var rating = (await _admin.PostOkAsync("/v1/responses", new { surveyId = csat, score = 1, interactionId = ticket, respondedAt = HoursAgo(24) })).Id();
        var review = (await _admin.PostOkAsync("/v1/reviews", new { source = "trustpilot", rating = 1, title = "Awful", customerId = erased, publishedAt = HoursAgo(23) })).Id();
        foreach (var (incident, customers) in new[] { (outage, new[] { keepA, erased }), (slowness, new[] { erased, keepA, keepB }) })
            await PatchAsync($"/v1/incidents/{incident.Id()}", new { customerIds = customers });

        var metricsWith = await MetricBodiesAsync();
        foreach (var url in new[] { "/v1/metrics/nps", "/v1/metrics/csat", "/v1/metrics/reviews", "/v1/metrics/interactions", "/v1/customers/at-risk" })
            Assert.NotEqual(metricsBefore[url], metricsWith[url]); // the customer's records counted
        var export = await _admin.GetOkAsync($"/v1/customers/{erased}/export");
        Assert.Equal(erased, export.GetProperty("customerId").GetString());
        Assert.Equal(new List<string> { answer, rating }.Concat(batched).Order(StringComparer.Ordinal), Ids(export, "responses").Order(StringComparer.Ordinal));
        Assert.Equal(4, Ids(export, "responses").Count);
        Assert.Equal([ticket], Ids(export, "interactions"));
        Assert.Equal([review], Ids(export, "reviews"));
        Assert.Equal([outage.Id(), slowness.Id()], Ids(export, "incidents"));
        var holding = await TablesHoldingAsync(erased);
        Assert.Superset(new HashSet<string> { "Responses", "Interactions", "Reviews", "Incidents", "IdempotencyRecords", "WebhookDeliveries" }, holding);

        var patchedSeq = (await IncidentChangeAsync(slowness.Id())).GetProperty("seq").GetInt64();

        var erasure = await _admin.DeleteAsync($"/v1/customers/{erased}");
        Assert.Equal(HttpStatusCode.OK, erasure.StatusCode);
        var counts = await erasure.JsonAsync();
        Assert.Equal((4, 1, 1, 2), (Count(counts, "responses"), Count(counts, "interactions"), Count(counts, "reviews"), Count(counts, "incidents")));

        // No table holds the id.
        Assert.Empty(await TablesHoldingAsync(erased));
        // Every metric and the other customers' records are as before the customer's records came.
        var metricsAfter = await MetricBodiesAsync();
        foreach (var url in Metrics) Assert.Equal(metricsBefore[url], metricsAfter[url]);
        Assert.Equal(recordsBefore, await RecordsAsync());
        var check = await _admin.GetOkAsync("/v1/admin/rollups/verify");
        Assert.True(check.GetProperty("consistent").GetBoolean(), check.GetRawText());
        // The incidents changed as a PATCH changes them: a new version (their ETag) and updatedAt.
        var patched = await _admin.GetAsync($"/v1/incidents/{slowness.Id()}");
        Assert.Equal("\"3\"", patched.Headers.ETag?.Tag);
        Assert.Equal([keepA, keepB], (await patched.JsonAsync()).GetProperty("customerIds").EnumerateArray().Select(c => c.GetString()));
        var incidentChange = await IncidentChangeAsync(slowness.Id());
        Assert.True(incidentChange.GetProperty("seq").GetInt64() > patchedSeq, "the incident's change is not in the feed");
        Assert.Equal([keepA, keepB], incidentChange.GetProperty("record").GetProperty("customerIds").EnumerateArray().Select(c => c.GetString()));
        // A tombstone in the changes feed for each erased record.
        Assert.Superset(new HashSet<string>(batched) { answer, rating }, await DeletedInFeedAsync("responses"));
        Assert.Contains(ticket, await DeletedInFeedAsync("interactions"));
        Assert.Contains(review, await DeletedInFeedAsync("reviews"));
        // The deliveries that carried the customer's records are gone, the others' stay.
        Assert.Equal(deliveriesBefore, await _factory.WithDbAsync(db => db.Set<Infrastructure.Entities.WebhookDeliveryEntity>().CountAsync()));
        Assert.Equal(deliveriesBefore, (await _admin.GetOkAsync($"/v1/webhooks/{webhook.Id()}/deliveries?limit=1000")).GetProperty("items").GetArrayLength());

        // A retry of the idempotent POST replays its first response without the id, and stores nothing again.
        var replay = await _admin.SendAsync(IdempotentRequest("/v1/responses", single, singleKey));
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        var replayed = await replay.JsonAsync();
        Assert.Equal(answer, replayed.Id());
        Assert.Equal(JsonValueKind.Null, replayed.GetProperty("customerId").ValueKind);
        Assert.Equal(404, (int)(await _admin.GetAsync($"/v1/responses/{answer}")).StatusCode);

        // Again: nothing left, zeros; the export is empty.
        var again = await (await _admin.DeleteAsync($"/v1/customers/{erased}")).JsonAsync();
        Assert.Equal((0, 0, 0, 0), (Count(again, "responses"), Count(again, "interactions"), Count(again, "reviews"), Count(again, "incidents")));
        var empty = await _admin.GetOkAsync($"/v1/customers/{erased}/export");
        foreach (var kind in new[] { "responses", "interactions", "reviews", "incidents" })
            Assert.Empty(Ids(empty, kind));
    }

    [Fact]
    public async Task OnlyAnAdminKeyMayEraseOrExportAndABadIdIsAValidationProblem()
    {
        var customer = $"c-{Guid.NewGuid():N}";
        var survey = await _admin.CreateSurveyAsync("nps");
        await _admin.PostOkAsync("/v1/responses", new { surveyId = survey, score = 7, customerId = customer, respondedAt = HoursAgo(1) });
        var (ingestKey, _) = await _factory.CreateKeyAsync("ingest", "acme");
        var (readKey, _) = await _factory.CreateKeyAsync("read");

        foreach (var key in new[] { ingestKey, readKey })
        {
            var client = _factory.CreateClient(key);
            await (await client.DeleteAsync($"/v1/customers/{customer}")).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync($"/v1/customers/{customer}/export")).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        await (await _factory.CreateClient(null).DeleteAsync($"/v1/customers/{customer}")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await _admin.DeleteAsync($"/v1/customers/{new string('c', 201)}")).AssertProblemAsync(HttpStatusCode.BadRequest, "customerId");
        await (await _admin.GetAsync("/v1/customers/%20/export")).AssertProblemAsync(HttpStatusCode.BadRequest, "customerId");

        // Nothing was erased by the refused calls.
        Assert.Single(Ids(await _admin.GetOkAsync($"/v1/customers/{customer}/export"), "responses"));
        var unknown = await _admin.GetAsync($"/v1/customers/c-{Guid.NewGuid():N}/export");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal("no-store", unknown.Headers.CacheControl?.ToString());
        var body = await unknown.JsonAsync();
        Assert.True(body.TryGetProperty("generatedAt", out _));
        Assert.Empty(Ids(body, "responses"));
    }

    [Fact]
    public async Task AnErasureOfMoreRecordsThanOneBatchRemovesThemAllAndTheRollupsFollow()
    {
        var customer = $"c-{Guid.NewGuid():N}";
        var survey = await _admin.CreateSurveyAsync("csat");
        var items = Enumerable.Range(0, 1_200).Select(i => (object)new
        {
            surveyId = survey,
            score = 1 + i % 5,
            customerId = customer,
            channel = i % 2 == 0 ? "chat" : "email",
            respondedAt = HoursAgo(1 + i % 48),
        }).ToList();
        foreach (var chunk in items.Chunk(600)) await _admin.PostBatchAsync("/v1/responses/batch", chunk);
        await _admin.PostOkAsync("/v1/responses", new { surveyId = survey, score = 5, customerId = "c-other", respondedAt = HoursAgo(2) });

        var counts = await (await _admin.DeleteAsync($"/v1/customers/{customer}")).JsonAsync();
        Assert.Equal(1_200, Count(counts, "responses"));
        var csat = await _admin.GetOkAsync($"/v1/metrics/csat?surveyId={survey}&{Period}");
        Assert.Equal(1, csat.GetProperty("responses").GetInt32());
        Assert.True((await _admin.GetOkAsync("/v1/admin/rollups/verify")).GetProperty("consistent").GetBoolean());
        Assert.Equal(1_200, (await DeletedInFeedAsync("responses")).Count);
    }

    private static int Count(JsonElement counts, string kind) => counts.GetProperty(kind).GetInt32();

    private static List<string> Ids(JsonElement export, string kind) => [.. export.GetProperty(kind).EnumerateArray().Select(r => r.Id())];

    private static HttpRequestMessage IdempotentRequest(string url, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private async Task<JsonElement> SendIdempotentAsync(string url, object body, string key, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await _admin.SendAsync(IdempotentRequest(url, body, key));
        Assert.Equal(expected, response.StatusCode);
        return await response.JsonAsync();
    }

    private async Task PatchAsync(string url, object patch)
    {
        var response = await _admin.PatchAsync(url, new StringContent(JsonSerializer.Serialize(patch), Encoding.UTF8, "application/merge-patch+json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The incident's latest change in the incidents' changes feed.</summary>
    private async Task<JsonElement> IncidentChangeAsync(string id) =>
        (await _admin.GetOkAsync("/v1/changes/incidents?limit=1000")).GetProperty("changes").EnumerateArray()
        .Single(c => c.GetProperty("id").GetString() == id);

    /// <summary>The ids the changes feed of <paramref name="resource"/> reports deleted, read from its start.</summary>
    private async Task<HashSet<string>> DeletedInFeedAsync(string resource)
    {
        var deleted = new HashSet<string>();
        string? token = null;
        while (true)
        {
            var page = await _admin.GetOkAsync($"/v1/changes/{resource}?limit=1000" + (token is null ? "" : $"&since={token}"));
            foreach (var change in page.GetProperty("changes").EnumerateArray())
                if (change.GetProperty("op").GetString() == "delete") deleted.Add(change.GetProperty("id").GetString()!);
            token = page.GetProperty("nextToken").GetString();
            if (!page.GetProperty("hasMore").GetBoolean()) return deleted;
        }
    }

    /// <summary>
    /// The tables in which any value of any column holds <paramref name="text"/>: every table of the database (from
    /// sqlite_master or information_schema), every row, every column read as the provider gives it (text and JSON as
    /// strings, blobs and bytea as UTF-8, arrays element by element).
    /// </summary>
    private Task<HashSet<string>> TablesHoldingAsync(string text) => _factory.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = await ReadColumnAsync(connection, TestDatabase.IsPostgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            : "SELECT name FROM sqlite_master WHERE type = 'table'");
        Assert.Contains("IdempotencyRecords", tables);
        var holding = new HashSet<string>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                for (var i = 0; i < reader.FieldCount; i++)
                    if (Holds(reader.GetValue(i), text)) holding.Add(table);
        }
        return holding;
    });

    private static bool Holds(object value, string text) => value switch
    {
        string s => s.Contains(text, StringComparison.Ordinal),
        byte[] b => Encoding.UTF8.GetString(b).Contains(text, StringComparison.Ordinal),
        System.Collections.IEnumerable items => items.Cast<object?>().Any(item => item is not null && Holds(item, text)),
        _ => false,
    };

    private static async Task<List<string>> ReadColumnAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }
}
