using CxApi.Infrastructure.Entities;
using CxApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Text;
using System.Text.Json;

namespace CxApi.Tests.Integration.Access;

/// <summary>
/// An Idempotency-Key whose request died with its server process, retried on the next one (the instance timeout itself is
/// held on a fake clock by <see cref="IdempotencyTakeoverTests"/>).
/// </summary>
[Trait("Category", "Slow")]
public sealed class IdempotencyCrashTests
{
    // A heartbeat five times a second and a one-second timeout, so that the killed process is found gone soon.
    private static readonly Dictionary<string, string> QuickInstances = new()
    {
        ["Instances__HeartbeatInterval"] = "00:00:00.200",
        ["Instances__Timeout"] = "00:00:01",
    };

    [Fact]
    public async Task ARetryAfterTheOwningProcessWasKilledIsTakenOverOnceItsHeartbeatStops()
    {
        var path = CxApiFactory.NewDatabasePath();
        try
        {
            string survey, json, key = "";
            var storedBefore = 0;
            // The retry goes to a second instance on the same database, already running when the first is killed.
            await using var second = await ServerProcess.StartAsync(path, QuickInstances);
            using var client = second.Client();
            survey = await client.CreateSurveyAsync("csat");
            json = JsonSerializer.Serialize(new
            {
                items = Enumerable.Range(0, 1000).Select(i => new
                {
                    surveyId = survey,
                    score = 1 + i % 5,
                    respondedAt = Api.Time(DateTimeOffset.UtcNow.AddHours(-1)),
                    comment = new string('x', 200),
                }),
            });
            ServerProcess? first = null;
            try
            {
                for (var attempt = 0; key.Length == 0; attempt++)
                {
                    Assert.True(attempt < 5, "The batch never stayed in flight long enough to be killed.");
                    first ??= await ServerProcess.StartAsync(path, QuickInstances);
                    var (inFlight, killed) = await KillWhileInFlightAsync(first, json, path);
                    if (inFlight is not null) key = inFlight;
                    else storedBefore += 1000; // it finished before the kill: try again with a new key
                    if (!killed) continue; // on the same process
                    await first.DisposeAsync();
                    first = null;
                }
            }
            finally
            {
                if (first is not null) await first.DisposeAsync();
            }
            HttpResponseMessage retry;
            // The claim names the killed process; once its heartbeat is older than the instance timeout, the claim is
            // free (until then a retry is "409 in progress"). Retried as a client would, for a bounded while.
            for (var attempt = 0; (retry = await client.SendAsync(Post(json, key))).StatusCode == HttpStatusCode.Conflict; attempt++)
            {
                Assert.True(attempt < 200, "the killed process's claim was never taken over");
                await Task.Delay(100);
            }

            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
            Assert.False(retry.Headers.Contains("Idempotent-Replayed"));
            Assert.Equal(1000, (await retry.JsonAsync()).GetProperty("created").GetInt32());
            // The killed attempt left nothing behind; the retry stored each item once, and its answer replays.
            Assert.Equal(storedBefore + 1000, (await client.ListAllAsync($"/v1/responses?surveyId={survey}", 1000)).Count);
            var replay = await client.SendAsync(Post(json, key));
            Assert.Equal("true", Assert.Single(replay.Headers.GetValues("Idempotent-Replayed")));
        }
        finally
        {
            CxApiFactory.DeleteDatabase(path);
        }
    }

    private static HttpRequestMessage Post(string json, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/responses/batch") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    /// <summary>
    /// Sends the batch and, as soon as its key's claim is in the database (the request is in flight), SIGKILLs the
    /// server. Returns the key when the batch died with the process (null when it completed after all: then it is
    /// stored), and whether the server was killed.
    /// </summary>
    private static async Task<(string? Key, bool Killed)> KillWhileInFlightAsync(ServerProcess server, string json, string databasePath)
    {
        using var client = server.Client();
        await using var db = TestDatabase.OpenContext(databasePath);
        var key = Guid.NewGuid().ToString();
        var original = client.SendAsync(Post(json, key));
        while (!original.IsCompleted)
        {
            if (!await db.IdempotencyRecords.AnyAsync(r => r.Key == key && r.State == IdempotencyState.InFlight)) continue;
            server.Kill();
            try
            {
                return (await CompletedAsync(original), true);
            }
            catch (HttpRequestException)
            {
                return (key, true); // it died with the process
            }
        }
        return (await CompletedAsync(original), false);
    }

    /// <summary>Null once the batch was answered with success (it is stored); any other answer fails the test.</summary>
    private static async Task<string?> CompletedAsync(Task<HttpResponseMessage> original)
    {
        var answer = await original;
        return answer.IsSuccessStatusCode ? null : throw new InvalidOperationException($"The batch failed: {answer.StatusCode}");
    }
}
