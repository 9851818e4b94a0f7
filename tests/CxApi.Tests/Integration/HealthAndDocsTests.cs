using CxApi.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Text.Json;

namespace CxApi.Tests.Integration;

public sealed class HealthAndDocsTests
{
    [Fact]
    public async Task LiveAndReadyAnswer200OnAWorkingDatabase()
    {
        using var factory = new CxApiFactory();
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetOkAsync("/health/ready");
        Assert.Equal("healthy", ready.GetProperty("checks").GetProperty("database").GetString());
    }

    [SqliteFact]
    public async Task ReadyIs503ProblemWhenTheDatabaseDoesNotAnswerWhileLiveStays200()
    {
        using var factory = new CxApiFactory();
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        // Replace the database with something that is not a database.
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(factory.DatabasePath)!)) File.Delete(file);
        await File.WriteAllTextAsync(factory.DatabasePath, new string('x', 8192));
        // Clear again: a background service that opened a connection between the first clearing and the deletion holds
        // the old file open and, once pooled, would answer the check from it (CI, stop 29: "expected 503, got 200").
        SqliteConnection.ClearAllPools();

        await (await client.GetAsync("/health/ready")).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        var live = await client.GetAsync("/health/live");
        Assert.True(live.StatusCode == HttpStatusCode.OK, await live.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheOpenApiDocumentNamesSummarisesTagsAndDocumentsErrorsForEveryOperation()
    {
        using var factory = new CxApiFactory();
        var client = factory.CreateClient();
        var doc = await client.GetOkAsync("/swagger/v1/swagger.json");

        var operations = Operations(doc);
        Assert.True(operations.Count >= 20, $"only {operations.Count} operations");
        var operationIds = new HashSet<string>();
        foreach (var (path, method, op) in operations)
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            Assert.True(op.TryGetProperty("operationId", out var id) && operationIds.Add(id.GetString()!), $"{name}: operationId missing or repeated");
            Assert.False(string.IsNullOrWhiteSpace(op.GetProperty("summary").GetString()), $"{name}: no summary");
            Assert.True(op.GetProperty("tags").GetArrayLength() > 0, $"{name}: no tag");
            var responses = op.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            if (path.StartsWith("/v1", StringComparison.Ordinal))
                Assert.True(responses.Any(r => r[0] is '4'), $"{name}: no documented error response");
            if (path.EndsWith("{id}", StringComparison.Ordinal)) Assert.Contains("404", responses);
            if (op.TryGetProperty("requestBody", out _)) Assert.Contains("400", responses);
        }

        foreach (var expected in new[] { "CreateSurvey", "ListSurveys", "GetSurvey", "UpdateSurvey", "DeleteSurvey",
                     "CreateResponse", "ListResponses", "GetResponse", "DeleteResponse",
                     "CreateInteraction", "ListInteractions", "GetInteraction", "UpdateInteraction", "DeleteInteraction",
                     "CreateReview", "ListReviews", "GetReview", "DeleteReview", "Live", "Ready" })
            Assert.Contains(expected, operationIds);

        var channel = doc.GetProperty("components").GetProperty("schemas").GetProperty("Channel");
        Assert.Contains("in_store", channel.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task EveryMetricBodyIsADocumentedSchemaWithAnExample()
    {
        using var factory = new CxApiFactory();
        var doc = await factory.CreateClient().GetOkAsync("/swagger/v1/swagger.json");
        var schemas = doc.GetProperty("components").GetProperty("schemas");

        foreach (var path in new[] { "nps", "csat", "ces", "sus", "rating", "reviews", "interactions" }
                     .SelectMany(m => new[] { $"/v1/metrics/{m}", $"/v1/metrics/{m}/trend" }).Append("/v1/metrics/summary"))
        {
            var reference = doc.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200")
                .GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
            var schema = schemas.GetProperty(reference.Split('/')[^1]);
            Assert.True(schema.GetProperty("properties").EnumerateObject().Count() > 5, $"{path}: {reference} has too few properties");
            Assert.True(schema.TryGetProperty("example", out var example) && example.ValueKind == JsonValueKind.Object, $"{path}: no example");
            Assert.Equal(path.Contains("summary") ? null : path.Split('/')[3], example.TryGetProperty("metric", out var m) ? m.GetString() : null);
        }
    }

    [Fact]
    public async Task KeyedOperationsRequireTheApiKeySchemeAndDocumentTheProblemsTheyCanReturn()
    {
        using var factory = new CxApiFactory();
        var doc = await factory.CreateClient().GetOkAsync("/swagger/v1/swagger.json");

        var scheme = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        Assert.Contains(doc.GetProperty("servers").EnumerateArray(), s => s.GetProperty("url").GetString() == "/");
        Assert.All(doc.GetProperty("tags").EnumerateArray(), t =>
            Assert.False(string.IsNullOrWhiteSpace(t.TryGetProperty("description", out var d) ? d.GetString() : null), $"tag {t.GetProperty("name")}"));

        foreach (var (path, method, op) in Operations(doc))
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            Assert.False(path.Length > 1 && path.EndsWith('/'), $"{name}: trailing slash");
            Assert.False(string.IsNullOrWhiteSpace(op.TryGetProperty("description", out var d) ? d.GetString() : null), $"{name}: no description");
            var responses = op.GetProperty("responses");
            var bodies = responses.EnumerateObject().Where(r => r.Name[0] == '2').Select(r => (r.Name, Body: r.Value))
                .Append(("request", op.TryGetProperty("requestBody", out var request) ? request : default));
            foreach (var (what, body) in bodies)
                if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("content", out var media) && media.TryGetProperty("application/json", out var json))
                    Assert.True(HasExample(doc, json.GetProperty("schema")), $"{name} {what}: no example");
            foreach (var error in responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                var content = error.Value.GetProperty("content");
                Assert.True(content.TryGetProperty("application/problem+json", out var problem), $"{name} {error.Name}: not a problem");
                Assert.Equal(int.Parse(error.Name, System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("example").GetProperty("status").GetInt32());
            }
            if (!path.StartsWith("/v1", StringComparison.Ordinal)) continue;
            if (path.StartsWith("/v1/integrations/", StringComparison.Ordinal))
            {
                // A vendor's webhook: its signature authenticates it, not an API key.
                Assert.False(op.TryGetProperty("security", out _), $"{name}: a vendor cannot send an API key");
                foreach (var status in new[] { "400", "401", "404", "413", "415" }) Assert.True(responses.TryGetProperty(status, out _), $"{name}: no {status}");
                continue;
            }

            var requirement = Assert.Single(op.GetProperty("security").EnumerateArray());
            Assert.True(requirement.TryGetProperty("ApiKey", out _), $"{name}: not under the ApiKey scheme");
            foreach (var status in new[] { "401", "429", "503" }) Assert.True(responses.TryGetProperty(status, out _), $"{name}: no {status}");
            if (op.TryGetProperty("requestBody", out _))
                foreach (var status in new[] { "400", "413", "415" }) Assert.True(responses.TryGetProperty(status, out _), $"{name}: no {status}");
            if (method == "post")
                foreach (var status in new[] { "409", "422" }) Assert.True(responses.TryGetProperty(status, out _), $"{name}: no {status}");
        }

        // 403 only where some role is turned away: every role may list reviews, only admins may create surveys.
        Assert.False(Response(doc, "/v1/reviews", "get", "403").HasValue);
        Assert.True(Response(doc, "/v1/surveys", "post", "403").HasValue);
        Assert.Contains("admin", doc.GetProperty("paths").GetProperty("/v1/surveys").GetProperty("post").GetProperty("description").GetString());
        // A stale If-Match is documented where it is checked, with the header that carries it.
        Assert.True(Response(doc, "/v1/interactions/{id}", "patch", "412").HasValue);
        Assert.Contains(doc.GetProperty("paths").GetProperty("/v1/interactions/{id}").GetProperty("patch").GetProperty("parameters").EnumerateArray(),
            p => p.GetProperty("name").GetString() == "If-Match" && p.GetProperty("in").GetString() == "header");
        // Field-level errors are part of the 400 schema.
        var validation = doc.GetProperty("components").GetProperty("schemas").GetProperty("HttpValidationProblemDetails");
        Assert.True(validation.GetProperty("properties").TryGetProperty("errors", out _));
        Assert.True(validation.GetProperty("properties").TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task EnumsAreDocumentedAsTheirWireStringsInBodiesAndQueries()
    {
        using var factory = new CxApiFactory();
        var doc = await factory.CreateClient().GetOkAsync("/swagger/v1/swagger.json");
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        foreach (var (name, value) in new[] { ("SurveyKind", "nps"), ("Channel", "in_store"), ("InteractionStatus", "resolved"), ("ApiKeyRole", "ingest") })
        {
            Assert.Equal("string", schemas.GetProperty(name).GetProperty("type").GetString());
            Assert.Contains(value, schemas.GetProperty(name).GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        }

        var kind = doc.GetProperty("paths").GetProperty("/v1/surveys").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "kind");
        // A query enum references the same schema the bodies use, so a generated client has one SurveyKind type.
        Assert.Equal("#/components/schemas/SurveyKind", kind.GetProperty("schema").GetProperty("items").GetProperty("$ref").GetString());

        // A parameter of the same name takes its own endpoint's values: deliveries' status is a delivery state, not an interaction's.
        var deliveryStatus = doc.GetProperty("paths").GetProperty("/v1/webhooks/{id}/deliveries").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Single(p => p.GetProperty("name").GetString() == "status");
        var deliveryRef = deliveryStatus.GetProperty("schema").GetProperty("items").GetProperty("$ref").GetString()!;
        Assert.Equal(["delivered", "failed", "pending"],
            schemas.GetProperty(deliveryRef.Split('/')[^1]).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).Order());

        // groupBy lists the metric's own dimensions; drivers' metric and factor are required enums.
        Assert.Contains("team", schemas.GetProperty("InteractionMetricGroupBy").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("team", schemas.GetProperty("SurveyMetricGroupBy").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        var drivers = doc.GetProperty("paths").GetProperty("/v1/metrics/drivers").GetProperty("get").GetProperty("parameters").EnumerateArray().ToList();
        foreach (var required in new[] { "metric", "factor" })
            Assert.True(drivers.Single(p => p.GetProperty("name").GetString() == required).GetProperty("required").GetBoolean());

        // No schema default: a generated client would send it as if the caller had chosen it (the descriptions say it).
        Assert.DoesNotContain("\"default\"", doc.GetRawText());
    }

    [Fact]
    public async Task BatchBodiesAreTypedAsItemsOfTheSinglePostBody()
    {
        using var factory = new CxApiFactory();
        var doc = await factory.CreateClient().GetOkAsync("/swagger/v1/swagger.json");
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        foreach (var (resource, batch, item) in new[] { ("responses", "ResponseBatch", "CreateResponseRequest"),
                     ("interactions", "InteractionBatch", "CreateInteractionRequest"), ("reviews", "ReviewBatch", "CreateReviewRequest") })
        {
            var body = doc.GetProperty("paths").GetProperty($"/v1/{resource}/batch").GetProperty("post").GetProperty("requestBody")
                .GetProperty("content").GetProperty("application/json").GetProperty("schema");
            Assert.Equal($"#/components/schemas/{batch}", body.GetProperty("$ref").GetString());
            var items = schemas.GetProperty(batch).GetProperty("properties").GetProperty("items");
            Assert.Equal(1000, items.GetProperty("maxItems").GetInt32());
            Assert.Equal($"#/components/schemas/{item}", items.GetProperty("items").GetProperty("$ref").GetString());
        }
        Assert.False(schemas.TryGetProperty("BatchRequest", out _));
    }

    [Fact]
    public async Task EveryRequestExampleInTheOpenApiDocumentIsAcceptedByTheApi()
    {
        using var factory = new CxApiFactory();
        var client = factory.CreateClient();
        var schemas = (await client.GetOkAsync("/swagger/v1/swagger.json")).GetProperty("components").GetProperty("schemas");
        string Example(string schema) => schemas.GetProperty(schema).GetProperty("example").GetRawText();

        var survey = await client.PostOkAsync("/v1/surveys", JsonDocument.Parse(Example("CreateSurveyRequest")).RootElement);
        var exampleSurveyId = schemas.GetProperty("Survey").GetProperty("example").GetProperty("id").GetString()!;
        var exampleScale = schemas.GetProperty("Survey").GetProperty("example").GetProperty("scale");
        Assert.Equal((0, 10), (exampleScale.GetProperty("min").GetInt32(), exampleScale.GetProperty("max").GetInt32()));
        Assert.Equal(10, survey.GetProperty("scale").GetProperty("max").GetInt32());
        string WithSurvey(string json) => json.Replace(exampleSurveyId, survey.Id());

        var posts = new (string Url, string Body, HttpStatusCode Status)[]
        {
            ("/v1/responses", WithSurvey(Example("CreateResponseRequest")), HttpStatusCode.Created),
            ("/v1/responses/batch", WithSurvey(Example("ResponseBatch")), HttpStatusCode.OK),
            ("/v1/interactions", Example("CreateInteractionRequest"), HttpStatusCode.Created),
            ("/v1/reviews", Example("CreateReviewRequest"), HttpStatusCode.Created),
            ("/v1/api-keys", Example("CreateApiKeyRequest"), HttpStatusCode.Created),
            ("/v1/alert-rules", Example("CreateAlertRuleRequest"), HttpStatusCode.Created),
            ("/v1/webhooks", Example("CreateWebhookRequest"), HttpStatusCode.Created),
        };
        var created = new Dictionary<string, JsonElement>();
        foreach (var (url, body, status) in posts)
        {
            var response = await client.PostRawAsync(url, body);
            Assert.True(response.StatusCode == status, $"POST {url} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            created[url] = await response.JsonAsync();
        }
        // The batch example shows a partial failure: the second item has no score, as the result example says.
        var batch = created["/v1/responses/batch"];
        var batchExample = schemas.GetProperty("BatchResult").GetProperty("example");
        Assert.Equal((1, 1), (batch.GetProperty("created").GetInt32(), batch.GetProperty("failed").GetInt32()));
        Assert.Equal(batchExample.GetProperty("results")[1].GetProperty("errors").EnumerateObject().Single().Name,
            batch.GetProperty("results")[1].GetProperty("errors").EnumerateObject().Single().Name);
        Assert.Equal(created["/v1/responses"].GetProperty("category").GetString(),
            schemas.GetProperty("SurveyResponse").GetProperty("example").GetProperty("category").GetString());

        var patchSurvey = await client.PatchAsync($"/v1/surveys/{survey.Id()}",
            new StringContent(Example("UpdateSurveyRequest"), System.Text.Encoding.UTF8, "application/merge-patch+json"));
        Assert.Equal(HttpStatusCode.OK, patchSurvey.StatusCode);
        var patchInteraction = await client.PatchAsync($"/v1/interactions/{created["/v1/interactions"].Id()}",
            new StringContent(Example("UpdateInteractionRequest"), System.Text.Encoding.UTF8, "application/merge-patch+json"));
        Assert.Equal(HttpStatusCode.OK, patchInteraction.StatusCode);
    }

    [Fact]
    public async Task SwaggerUiIsServed()
    {
        using var factory = new CxApiFactory();
        var response = await factory.CreateClient().GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync());
    }

    private static List<(string Path, string Method, JsonElement Op)> Operations(JsonElement doc) =>
        [.. doc.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Op: o.Value)))];

    /// <summary>An example on the schema itself or, for a reference, on the component it names.</summary>
    private static bool HasExample(JsonElement doc, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? doc.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]).TryGetProperty("example", out _)
            : schema.TryGetProperty("example", out _);

    private static JsonElement? Response(JsonElement doc, string path, string method, string status) =>
        doc.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").TryGetProperty(status, out var r) ? r : null;

    [SqliteFact]
    public async Task TheDatabaseIsInWalModeWithTheSchemaFromMigrations()
    {
        using var factory = new CxApiFactory();
        _ = factory.CreateClient();
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "SELECT count(*) FROM __EFMigrationsHistory;";
        Assert.True((long)(await command.ExecuteScalarAsync())! >= 1);
    }

    [SqliteFact]
    public async Task TheServersConnectionsFsyncEachCommitAndMapNoMemory()
    {
        using var factory = new CxApiFactory();
        _ = factory.CreateClient();
        var settings = await factory.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            var values = new List<long>();
            foreach (var pragma in new[] { "synchronous", "foreign_keys", "mmap_size", "cache_size", "temp_store" })
            {
                command.CommandText = $"PRAGMA {pragma};";
                values.Add(Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
            }
            return values;
        });
        // FULL (2): nothing acknowledged is lost; no memory map, so the RSS does not grow with the database; 8 MB of cache;
        // temporary tables (a batch's staged rows) in memory (2), not in a file.
        Assert.Equal([2L, 1L, 0L, -8192L, 2L], settings);
    }
}
