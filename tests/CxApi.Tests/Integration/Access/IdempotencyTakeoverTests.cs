using CxApi.Common;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using CxApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;

namespace CxApi.Tests.Integration.Access;

/// <summary>
/// An Idempotency-Key claimed by another instance is in flight while that instance beats, and is taken over once its
/// heartbeat is older than the instance timeout, on the application's clock.
/// </summary>
public sealed class IdempotencyTakeoverTests
{
    private static readonly TimeSpan InstanceTimeout = new InstanceOptions().Timeout;

    private static HttpRequestMessage Post(object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/reviews") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    [Fact]
    public async Task AClaimOfAnInstanceThatStoppedBeatingIsInFlightUntilTheInstanceTimeoutAndThenTakenOverOnce()
    {
        var clock = CxApiFactory.FakeClock();
        using var factory = new CxApiFactory { Clock = clock };
        var (ingestKey, ingestKeyId) = await factory.CreateKeyAsync("ingest", "takeover");
        var client = factory.CreateClient(ingestKey);
        var body = new { source = "takeover", rating = 2, publishedAt = Api.Time(DateTimeOffset.UtcNow.AddMinutes(-1)) };

        // A first key, completed here, gives the request's hash; a second key for the same request is claimed by another
        // instance that has just beaten and then died with the request in flight.
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Post(body, "first"))).StatusCode);
        var now = UnixMicros.From(clock.GetUtcNow());
        await factory.WithDbAsync(async db =>
        {
            var hash = await db.IdempotencyRecords.Where(r => r.ApiKeyId == ingestKeyId && r.Key == "first").Select(r => r.RequestHash).SingleAsync();
            db.Add(new InstanceEntity { Id = "killed-instance", StartedAtMicros = now, HeartbeatAtMicros = now });
            db.IdempotencyRecords.Add(new IdempotencyRecordEntity
            {
                ApiKeyId = ingestKeyId,
                Key = "second",
                RequestHash = hash,
                State = IdempotencyState.InFlight,
                OwnerInstanceId = "killed-instance",
                CreatedAtMicros = now,
                ExpiresAtMicros = now + (long)TimeSpan.FromDays(1).TotalMicroseconds,
            });
            return await db.SaveChangesAsync();
        });

        // Until its heartbeat is a full timeout old, the other instance may still be working on it.
        foreach (var wait in new[] { TimeSpan.Zero, InstanceTimeout - TimeSpan.FromMilliseconds(1) })
        {
            clock.SetUtcNow(UnixMicros.ToDateTimeOffset(now) + wait);
            var inFlight = await client.SendAsync(Post(body, "second"));
            var problem = await inFlight.AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal("Request in progress", problem.GetProperty("title").GetString());
            Assert.Equal(TimeSpan.FromSeconds(1), inFlight.Headers.RetryAfter?.Delta);
        }
        Assert.Equal(1, await factory.WithDbAsync(db => db.Reviews.CountAsync(r => r.Source == "takeover")));

        clock.SetUtcNow(UnixMicros.ToDateTimeOffset(now) + InstanceTimeout);
        var takenOver = await client.SendAsync(Post(body, "second"));
        Assert.Equal(HttpStatusCode.Created, takenOver.StatusCode);
        Assert.False(takenOver.Headers.Contains("Idempotent-Replayed"));
        var replay = await client.SendAsync(Post(body, "second"));
        Assert.Equal("true", Assert.Single(replay.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal((await takenOver.JsonAsync()).Id(), (await replay.JsonAsync()).Id());
        Assert.Equal(2, await factory.WithDbAsync(db => db.Reviews.CountAsync(r => r.Source == "takeover")));
    }
}
