using CxApi.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace CxApi.Tests.Integration.Access;

public sealed class KeysAndPartnersTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private static readonly string Now = Api.Time(DateTimeOffset.UtcNow.AddMinutes(-1));
    private readonly HttpClient _admin = fixture.CreateClient();

    [Fact]
    public async Task APartnerCannotReadListPatchOrDeleteAnotherPartnersRecords()
    {
        var a = fixture.CreateClient(fixture.IngestKey);
        var b = fixture.CreateClient(fixture.OtherPartnerKey);
        var survey = await _admin.CreateSurveyAsync("csat");
        var customer = $"c-{Guid.NewGuid():N}";
        var response = (await a.PostOkAsync("/v1/responses", new { surveyId = survey, score = 5, customerId = customer, respondedAt = Now })).Id();
        var interaction = (await a.PostOkAsync("/v1/interactions", new { channel = "chat", type = "support", customerId = customer, openedAt = Now, status = "open" })).Id();
        var review = (await a.PostOkAsync("/v1/reviews", new { source = "g", rating = 2, customerId = customer, publishedAt = Now })).Id();

        foreach (var url in new[] { $"/v1/responses/{response}", $"/v1/interactions/{interaction}", $"/v1/reviews/{review}" })
        {
            await (await b.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await b.DeleteAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
        }
        await (await b.PatchAsync($"/v1/interactions/{interaction}", JsonContent.Create(new { team = "stolen" }))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await b.ListAllAsync($"/v1/responses?customerId={customer}"));
        Assert.Empty(await b.ListAllAsync($"/v1/interactions?customerId={customer}"));
        Assert.Empty(await b.ListAllAsync($"/v1/reviews?customerId={customer}"));
        // nor reference it
        await (await b.PostAsJsonAsync("/v1/responses", new { surveyId = survey, score = 1, interactionId = interaction, respondedAt = Now }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "interactionId");

        // everything is still there for its owner, and for admin and read keys
        Assert.Single(await a.ListAllAsync($"/v1/responses?customerId={customer}"));
        Assert.Equal("open", (await a.GetOkAsync($"/v1/interactions/{interaction}")).GetProperty("status").GetString());
        Assert.Single(await fixture.CreateClient(fixture.ReadKey).ListAllAsync($"/v1/reviews?customerId={customer}"));
        Assert.Single(await _admin.ListAllAsync($"/v1/interactions?customerId={customer}"));
    }

    [Fact]
    public async Task KeysOfOnePartnerShareItsRecordsAndExternalIds()
    {
        var (first, _) = await fixture.CreateKeyAsync("ingest", "rotating-partner");
        var (second, _) = await fixture.CreateKeyAsync("ingest", "rotating-partner");
        var created = await fixture.CreateClient(first).PostOkAsync("/v1/reviews", new { source = "g", rating = 5, publishedAt = Now, externalId = "rp-1" });

        var rotated = fixture.CreateClient(second);
        Assert.Equal(5, (await rotated.GetOkAsync($"/v1/reviews/{created.Id()}")).GetProperty("rating").GetInt32());
        var duplicate = await (await rotated.PostAsJsonAsync("/v1/reviews", new { source = "g", rating = 5, publishedAt = Now, externalId = "rp-1" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(created.Id(), duplicate.GetProperty("existingId").GetString());
        // another partner may use the same externalId for its own record
        await fixture.CreateClient(fixture.OtherPartnerKey).PostOkAsync("/v1/reviews", new { source = "g", rating = 5, publishedAt = Now, externalId = "rp-1" });
    }

    [Fact]
    public async Task ARevokedKeyFailsOnItsVeryNextRequest()
    {
        var (key, id) = await fixture.CreateKeyAsync("read");
        var client = fixture.CreateClient(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/surveys")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/v1/api-keys/{id}")).StatusCode);

        var problem = await (await client.GetAsync("/v1/surveys")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", problem.GetProperty("detail").GetString());
        var listed = await _admin.GetOkAsync($"/v1/api-keys/{id}");
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, listed.GetProperty("revokedAt").ValueKind);
    }

    [Fact]
    public async Task KeysAreRandomPrefixedShownOnceAndListedWithoutSecrets()
    {
        var first = await _admin.PostOkAsync("/v1/api-keys", new { name = "one", role = "read" });
        var second = await _admin.PostOkAsync("/v1/api-keys", new { name = "two", role = "read" });
        var key = first.GetProperty("key").GetString()!;

        Assert.StartsWith("cx_live_", key);
        Assert.True(key.Length >= "cx_live_".Length + 22, "at least 128 bits of base62"); // 22 × log2(62) ≈ 131 bits
        Assert.NotEqual(key, second.GetProperty("key").GetString());
        Assert.Equal(key[..12], first.GetProperty("prefix").GetString());

        var list = await _admin.GetAsync("/v1/api-keys?limit=1000");
        var text = await list.Content.ReadAsStringAsync();
        Assert.DoesNotContain(key, text);
        Assert.DoesNotContain("\"key\"", text);
        var single = await _admin.GetAsync($"/v1/api-keys/{first.Id()}");
        Assert.DoesNotContain(key, await single.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LastUsedAtRecordsEachKeysUse()
    {
        var (key, id) = await fixture.CreateKeyAsync("read");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await _admin.GetOkAsync($"/v1/api-keys/{id}")).GetProperty("lastUsedAt").ValueKind);

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await fixture.CreateClient(key).GetOkAsync("/v1/surveys");

        var used = (await _admin.GetOkAsync($"/v1/api-keys/{id}")).GetProperty("lastUsedAt").GetDateTimeOffset();
        Assert.InRange(used, before, DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task OnlyIngestKeysCarryAPartnerAndTheLastAdminCannotBeRevoked()
    {
        await (await _admin.PostAsJsonAsync("/v1/api-keys", new { name = "x", role = "read", partner = "p" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "partner");
        await (await _admin.PostAsJsonAsync("/v1/api-keys", new { name = "x", role = "owner" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "role");

        var keys = await _admin.ListAllAsync("/v1/api-keys");
        var bootstrap = keys.Single(k => k.GetProperty("role").GetString() == "admin" && k.GetProperty("prefix").GetString() == CxApiFactory.AdminKey[..12]);
        await (await _admin.DeleteAsync($"/v1/api-keys/{bootstrap.Id()}")).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    /// <summary>SQLite: every byte of the database file, its WAL and shared memory (free pages included).</summary>
    private string EveryFileAsText()
    {
        SqliteConnection.ClearAllPools();
        var files = Directory.GetFiles(Path.GetDirectoryName(fixture.DatabasePath)!);
        Assert.Contains(files, f => f.EndsWith("cx.db", StringComparison.Ordinal));
        var everything = new StringBuilder();
        foreach (var file in files)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            everything.Append(Encoding.Latin1.GetString(copy.ToArray()));
        }
        return everything.ToString();
    }

    /// <summary>PostgreSQL: every row of every table, as text.</summary>
    private Task<string> EveryRowAsTextAsync() => fixture.WithDbAsync(async db =>
    {
        var tables = await db.Database.SqlQueryRaw<string>("SELECT tablename AS \"Value\" FROM pg_tables WHERE schemaname = 'public'").ToListAsync();
        var everything = new StringBuilder();
        foreach (var table in tables)
        {
            var rows = $"SELECT COALESCE(string_agg(t::text, ' '), '') AS \"Value\" FROM \"{table}\" t";
            everything.Append(await db.Database.SqlQueryRaw<string>(rows).SingleAsync());
        }
        return everything.ToString();
    });

    [Fact]
    public async Task TheDatabaseNeverContainsARawKey()
    {
        var secrets = new List<string> { CxApiFactory.AdminKey, fixture.IngestKey, fixture.ReadKey };
        for (var i = 0; i < 3; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/v1/api-keys") { Content = JsonContent.Create(new { name = $"k{i}", role = "ingest", partner = "scan" }) };
            request.Headers.Add("Idempotency-Key", $"key-creation-{Guid.NewGuid()}");
            var created = await (await _admin.SendAsync(request)).JsonAsync();
            secrets.Add(created.GetProperty("key").GetString()!);
            // used once, so that a lastUsedAt and an idempotency record are written too
            await fixture.CreateClient(secrets[^1]).PostOkAsync("/v1/reviews", new { source = "scan", rating = 3, publishedAt = Now });
        }

        var stored = TestDatabase.IsPostgres ? await EveryRowAsTextAsync() : EveryFileAsText();
        foreach (var secret in secrets)
            Assert.False(stored.Contains(secret, StringComparison.Ordinal), "the database holds a raw key");
        // the scan does read the stored keys: their hashes are there
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(secrets[^1]))), stored);
    }
}
