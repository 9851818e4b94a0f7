using CxApi.Common;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using CxApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;

namespace CxApi.Tests.Integration.Access;

public sealed class IdempotencyTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private static readonly string Now = Api.Time(DateTimeOffset.UtcNow.AddMinutes(-1));

    private static HttpRequestMessage Post(string url, object body, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    private Task<int> ReviewsFromAsync(string source) => fixture.WithDbAsync(db => db.Reviews.CountAsync(r => r.Source == source));

    [Fact]
    public async Task AReplayReturnsTheFirstStatusAndBodyAndStoresNothing()
    {
        var client = fixture.CreateClient(fixture.IngestKey);
        var source = $"idem-{Guid.NewGuid():N}";
        var body = new { source, rating = 4, publishedAt = Now };
        var key = Guid.NewGuid().ToString();

        var first = await client.SendAsync(Post("/v1/reviews", body, key));
        var firstBody = await first.Content.ReadAsStringAsync();
        var replay = await client.SendAsync(Post("/v1/reviews", body, key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", Assert.Single(replay.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(firstBody, await replay.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.Equal(1, await ReviewsFromAsync(source));
    }

    [Fact]
    public async Task TheSameKeyWithADifferentBodyIs422()
    {
        var client = fixture.CreateClient(fixture.IngestKey);
        var source = $"idem-{Guid.NewGuid():N}";
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Post("/v1/reviews", new { source, rating = 4, publishedAt = Now }, key))).StatusCode);

        await (await client.SendAsync(Post("/v1/reviews", new { source, rating = 1, publishedAt = Now }, key)))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(1, await ReviewsFromAsync(source));
    }

    [Fact]
    public async Task ARequestStillInFlightIs409AndAnAbandonedOneIsTakenOver()
    {
        var client = fixture.CreateClient(fixture.IngestKey);
        var source = $"idem-{Guid.NewGuid():N}";
        var json = $$"""{ "source": "{{source}}", "rating": 4, "publishedAt": "{{Now}}" }""";
        var keyId = (await fixture.WithDbAsync(db => db.ApiKeys.Where(k => k.Partner == "partner-a").Select(k => k.Id).ToListAsync())).Single();
        var now = UnixMicros.From(DateTimeOffset.UtcNow);
        HttpRequestMessage Send(string key)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/v1/reviews") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }

        // Another request with this key is being worked on right now, by this instance or by another one that beats ...
        var otherInstance = Guid.NewGuid().ToString();
        await fixture.WithDbAsync(db =>
        {
            db.Instances.Add(new InstanceEntity { Id = otherInstance, StartedAtMicros = now, HeartbeatAtMicros = now });
            return db.SaveChangesAsync();
        });
        foreach (var owner in new[] { fixture.Services.GetRequiredService<ThisInstance>().Id, otherInstance })
        {
            var held = $"held-{Guid.NewGuid()}";
            await SeedInFlightAsync(keyId, held, HashOf("/v1/reviews", json), owner);
            var busy = await client.SendAsync(Send(held));
            await busy.AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.NotNull(busy.Headers.RetryAfter);
        }
        Assert.Equal(0, await ReviewsFromAsync(source));

        // ... while one whose instance is gone (no heartbeat for longer than the timeout, or no row at all: it was
        // killed, and its transaction rolled back with it) is run again at once.
        var staleInstance = Guid.NewGuid().ToString();
        await fixture.WithDbAsync(db =>
        {
            db.Instances.Add(new InstanceEntity { Id = staleInstance, StartedAtMicros = now - 60_000_000, HeartbeatAtMicros = now - 6_000_000 });
            return db.SaveChangesAsync();
        });
        var expected = 0;
        foreach (var deadOwner in new[] { staleInstance, Guid.NewGuid().ToString() })
        {
            var abandoned = $"abandoned-{Guid.NewGuid()}";
            await SeedInFlightAsync(keyId, abandoned, HashOf("/v1/reviews", json), deadOwner);
            Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Send(abandoned))).StatusCode);
            Assert.Equal(++expected, await ReviewsFromAsync(source));
        }
    }

    /// <summary>What the server hashes to recognise "the same request": method, path and the exact body bytes.</summary>
    private static string HashOf(string path, string json) => Convert.ToHexStringLower(
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"POST {path}\n{json}")));

    private Task<int> SeedInFlightAsync(string keyId, string key, string hash, string ownerInstanceId) => fixture.WithDbAsync(async db =>
    {
        var now = UnixMicros.From(DateTimeOffset.UtcNow);
        db.IdempotencyRecords.Add(new IdempotencyRecordEntity
        {
            ApiKeyId = keyId,
            Key = key,
            RequestHash = hash,
            State = IdempotencyState.InFlight,
            OwnerInstanceId = ownerInstanceId,
            CreatedAtMicros = now,
            ExpiresAtMicros = now + 86_400_000_000,
        });
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task ConcurrentDuplicatesStoreExactlyOneRecord()
    {
        var source = $"idem-{Guid.NewGuid():N}";
        var body = new { source, rating = 5, publishedAt = Now };
        var key = Guid.NewGuid().ToString();
        var statuses = new ConcurrentBag<(HttpStatusCode Status, string? Id, bool Replayed)>();

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(async () =>
        {
            var response = await fixture.CreateClient(fixture.IngestKey).SendAsync(Post("/v1/reviews", body, key));
            var id = response.StatusCode == HttpStatusCode.Created ? (await response.JsonAsync()).Id() : null;
            statuses.Add((response.StatusCode, id, response.Headers.Contains("Idempotent-Replayed")));
        })));

        Assert.Equal(1, await ReviewsFromAsync(source));
        Assert.All(statuses, s => Assert.Contains(s.Status, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Single(statuses, s => s.Status == HttpStatusCode.Created && !s.Replayed);
        Assert.Single(statuses.Where(s => s.Id is not null).Select(s => s.Id).Distinct());
    }

    [Fact]
    public async Task KeysAreScopedPerApiKey()
    {
        var source = $"idem-{Guid.NewGuid():N}";
        var body = new { source, rating = 3, publishedAt = Now };
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await fixture.CreateClient(fixture.IngestKey).SendAsync(Post("/v1/reviews", body, key))).StatusCode);
        var other = await fixture.CreateClient(fixture.OtherPartnerKey).SendAsync(Post("/v1/reviews", body, key));
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.False(other.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, await ReviewsFromAsync(source));
    }

    [Fact]
    public async Task ARejectedRequestIsReplayedAsRejected()
    {
        var client = fixture.CreateClient(fixture.IngestKey);
        var key = Guid.NewGuid().ToString();
        var body = new { source = "g", rating = 9, publishedAt = Now };
        await (await client.SendAsync(Post("/v1/reviews", body, key))).AssertProblemAsync(HttpStatusCode.BadRequest, "rating");
        var replay = await client.SendAsync(Post("/v1/reviews", body, key));
        await replay.AssertProblemAsync(HttpStatusCode.BadRequest, "rating");
        Assert.True(replay.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task ReplayingAKeyCreationNeverShowsTheSecretAgain()
    {
        var admin = fixture.CreateClient();
        var key = Guid.NewGuid().ToString();
        var first = await (await admin.SendAsync(Post("/v1/api-keys", new { name = "replayed", role = "read" }, key))).JsonAsync();
        var replay = await admin.SendAsync(Post("/v1/api-keys", new { name = "replayed", role = "read" }, key));

        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        var replayed = await replay.JsonAsync();
        Assert.Equal(first.Id(), replayed.Id());
        Assert.StartsWith("cx_live_", first.GetProperty("key").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, replayed.GetProperty("key").ValueKind);
        Assert.Single(await admin.ListAllAsync("/v1/api-keys"), k => k.GetProperty("name").GetString() == "replayed");
    }

    [Fact]
    public async Task AMalformedIdempotencyKeyIsRejected()
    {
        var request = Post("/v1/reviews", new { source = "g", rating = 3, publishedAt = Now }, new string('k', 256));
        await (await fixture.CreateClient(fixture.IngestKey).SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest, "Idempotency-Key");
    }
}
