using System.Net;
using System.Text.Json;
using CxApi.Tests.Support;
using Microsoft.Data.Sqlite;

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

        var operations = doc.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Op: o.Value)))
            .ToList();
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
    public async Task SwaggerUiIsServed()
    {
        using var factory = new CxApiFactory();
        var response = await factory.CreateClient().GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync());
    }

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
}

public sealed class ProviderTests
{
    [PostgresFact]
    public async Task TheIntegrationSuiteRunsOnPostgreSqlWhenConfigured()
    {
        using var factory = new CxApiFactory();
        var client = factory.CreateClient();
        Assert.Equal("healthy", (await client.GetOkAsync("/health/ready")).GetProperty("checks").GetProperty("database").GetString());
        var provider = await factory.WithDbAsync(db => Task.FromResult(db.Database.ProviderName));
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", provider);
    }
}
