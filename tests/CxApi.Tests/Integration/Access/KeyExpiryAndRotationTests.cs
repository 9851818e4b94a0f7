using CxApi.Common.Auth;
using CxApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CxApi.Tests.Integration.Access;

/// <summary>Keys that expire, and rotation with a grace period, on the server's fake clock: both take effect at the exact instant.</summary>
public sealed class KeyExpiryAndRotationTests(KeyClockFactory factory) : IClassFixture<KeyClockFactory>
{
    private readonly HttpClient _admin = factory.CreateClient();

    private async Task<(string Key, string Id)> CreateAsync(string role = "read", DateTimeOffset? expiresAt = null)
    {
        var created = await _admin.PostOkAsync("/v1/api-keys", new { name = $"{role} key", role, expiresAt });
        return (created.GetProperty("key").GetString()!, created.Id());
    }

    private Task<HttpResponseMessage> RotateAsync(string id, object? body = null) =>
        body is null ? _admin.PostAsync($"/v1/api-keys/{id}/rotate", null) : _admin.PostAsJsonAsync($"/v1/api-keys/{id}/rotate", body);

    private async Task<JsonElement> RotateOkAsync(string id, object? body = null)
    {
        var response = await RotateAsync(id, body);
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"rotate → {(int)response.StatusCode}: {json}");
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    private async Task<HttpStatusCode> StatusWithAsync(string key) => (await factory.CreateClient(key).GetAsync("/v1/surveys")).StatusCode;

    private async Task<string> UnauthorizedDetailAsync(string key) =>
        (await (await factory.CreateClient(key).GetAsync("/v1/surveys")).AssertProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString()!;

    [Fact]
    public async Task TheOldSecretWorksDuringTheGracePeriodAndFailsAfterIt()
    {
        var (old, id) = await CreateAsync();
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(old)); // now remembered by the handler's cache too
        var rotatedAt = factory.Now;

        var rotated = await RotateOkAsync(id, new { gracePeriod = "PT2H" });
        var fresh = rotated.GetProperty("key").GetString()!;
        Assert.StartsWith(ApiKeySecrets.KeyPrefix, fresh);
        Assert.NotEqual(old, fresh);
        Assert.Equal(id, rotated.Id());
        Assert.Equal(fresh[..12], rotated.GetProperty("prefix").GetString());
        Assert.Equal(rotatedAt.AddHours(2), rotated.GetProperty("previousKeyExpiresAt").GetDateTimeOffset());

        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(old));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(fresh));
        factory.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(old));

        factory.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains("rotated", await UnauthorizedDetailAsync(old));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(fresh));

        // the key is the same key: its listing shows the new prefix, when it was last used, and no secret or hash
        var listed = await _admin.GetOkAsync($"/v1/api-keys/{id}");
        Assert.Equal(fresh[..12], listed.GetProperty("prefix").GetString());
        Assert.Equal(factory.Now, listed.GetProperty("lastUsedAt").GetDateTimeOffset());
        var text = await (await _admin.GetAsync("/v1/api-keys?limit=1000")).Content.ReadAsStringAsync();
        var hashes = await factory.WithDbAsync(db => db.ApiKeys.Where(k => k.Id == id).Select(k => new[] { k.Hash, k.PreviousHash! }).SingleAsync());
        foreach (var secret in new[] { old, fresh, hashes[0], hashes[1] }) Assert.DoesNotContain(secret, text);
        Assert.DoesNotContain("\"key\"", text);
        Assert.DoesNotContain("hash", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task WithoutABodyTheGracePeriodIs24Hours()
    {
        var (old, id) = await CreateAsync();
        var rotatedAt = factory.Now;
        var rotated = await RotateOkAsync(id);
        Assert.Equal(rotatedAt.AddHours(24), rotated.GetProperty("previousKeyExpiresAt").GetDateTimeOffset());
        Assert.Equal("read", rotated.GetProperty("role").GetString());

        factory.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(old));
        factory.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(old));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(rotated.GetProperty("key").GetString()!));
    }

    [Fact]
    public async Task RotatingAgainEndsTheFirstSecretAtOnce()
    {
        var (first, id) = await CreateAsync();
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(first));
        var second = (await RotateOkAsync(id)).GetProperty("key").GetString()!;
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(first));

        var third = (await RotateOkAsync(id)).GetProperty("key").GetString()!;

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(first)); // though it was just used (and cached)
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(second));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(third));
    }

    [Fact]
    public async Task AnExpiredKeyIsA401ThatSaysItExpiredNotThatItIsUnknown()
    {
        var expiresAt = factory.Now.AddHours(1);
        var (key, id) = await CreateAsync(expiresAt: expiresAt);
        Assert.Equal(expiresAt, (await _admin.GetOkAsync($"/v1/api-keys/{id}")).GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(key));

        factory.Advance(TimeSpan.FromHours(1) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(key));
        factory.Advance(TimeSpan.FromMilliseconds(1));

        var expired = await UnauthorizedDetailAsync(key);
        Assert.Contains("expired", expired);
        var unknown = await UnauthorizedDetailAsync("cx_live_thisKeyWasNeverIssuedByThisServer000000000");
        Assert.DoesNotContain("expired", unknown);
        Assert.Contains("unknown", unknown);
        Assert.Null((await _admin.GetOkAsync($"/v1/api-keys/{id}")).GetProperty("revokedAt").GetString());
    }

    [Fact]
    public async Task ARotatedKeyKeepsItsExpiryForBothSecrets()
    {
        var (old, id) = await CreateAsync(expiresAt: factory.Now.AddHours(1));
        var rotated = await RotateOkAsync(id, new { gracePeriod = "P1D" });
        Assert.Equal(factory.Now.AddHours(1), rotated.GetProperty("expiresAt").GetDateTimeOffset());

        factory.Advance(TimeSpan.FromHours(1));
        Assert.Contains("expired", await UnauthorizedDetailAsync(old));
        Assert.Contains("expired", await UnauthorizedDetailAsync(rotated.GetProperty("key").GetString()!));
        await (await RotateAsync(id)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AnExpiredAdminKeyDoesNotCountAsTheOtherActiveAdmin()
    {
        var (_, expiring) = await CreateAsync("admin", factory.Now.AddMinutes(10));
        var (_, other) = await CreateAsync("admin");
        factory.Advance(TimeSpan.FromMinutes(10));
        // `other` and the bootstrap key remain: revoking one of them is allowed, then the last usable one is kept
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/v1/api-keys/{other}")).StatusCode);
        var bootstrap = await factory.WithDbAsync(db => db.ApiKeys.Where(k => k.Hash == ApiKeySecrets.Hash(CxApiFactory.AdminKey)).Select(k => k.Id).SingleAsync());
        await (await _admin.DeleteAsync($"/v1/api-keys/{bootstrap}")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/v1/api-keys/{expiring}")).StatusCode);
    }

    [Theory]
    [InlineData("P8D")]
    [InlineData("PT169H")]
    [InlineData("PT0S")]
    [InlineData("P1M")]
    [InlineData("24h")]
    [InlineData("")]
    public async Task AGracePeriodThatIsNotAPositiveIsoDurationOfAtMostSevenDaysIs400(string grace)
    {
        var (key, id) = await CreateAsync();
        await (await RotateAsync(id, new { gracePeriod = grace })).AssertProblemAsync(HttpStatusCode.BadRequest, "gracePeriod");
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(key)); // nothing changed
        Assert.Equal(JsonValueKind.Null, (await _admin.GetOkAsync($"/v1/api-keys/{id}")).GetProperty("previousKeyExpiresAt").ValueKind);
    }

    [Fact]
    public async Task SevenDaysIsTheLongestGracePeriod() =>
        Assert.Equal(factory.Now.AddDays(7), (await RotateOkAsync((await CreateAsync()).Id, new { gracePeriod = "P7D" }))
            .GetProperty("previousKeyExpiresAt").GetDateTimeOffset());

    [Fact]
    public async Task AnExpiryThatIsNotInTheFutureIs400()
    {
        await (await _admin.PostAsJsonAsync("/v1/api-keys", new { name = "x", role = "read", expiresAt = factory.Now }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "expiresAt");
        await (await _admin.PostAsJsonAsync("/v1/api-keys", new { name = "x", role = "read", expiresAt = factory.Now.AddDays(-1) }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "expiresAt");
    }

    [Fact]
    public async Task RotatingARevokedKeyIs409AndAnUnknownOneIs404()
    {
        var (key, id) = await CreateAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/v1/api-keys/{id}")).StatusCode);
        var problem = await (await RotateAsync(id)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("revoked", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(key));
        await (await RotateAsync("0193a4f1-0000-7000-8000-000000000000")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OnlyAdminKeysRotateAndAReplayNeverShowsTheNewSecretAgain()
    {
        var (read, id) = await CreateAsync();
        await (await factory.CreateClient(read).PostAsync($"/v1/api-keys/{id}/rotate", null)).AssertProblemAsync(HttpStatusCode.Forbidden);

        HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/api-keys/{id}/rotate") { Content = JsonContent.Create(new { gracePeriod = "PT1H" }) };
            request.Headers.Add("Idempotency-Key", $"rotate-{id}");
            return request;
        }
        var first = await (await _admin.SendAsync(Request())).JsonAsync();
        var replay = await _admin.SendAsync(Request());
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        var replayed = await replay.JsonAsync();
        Assert.StartsWith(ApiKeySecrets.KeyPrefix, first.GetProperty("key").GetString());
        Assert.Equal(JsonValueKind.Null, replayed.GetProperty("key").ValueKind);
        Assert.Equal(first.GetProperty("prefix").GetString(), replayed.GetProperty("prefix").GetString()); // rotated once
    }
}
