using CxApi.Tests.Support;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CxApi.Tests.Integration;

public sealed class ChangesFeedTests
{
    /// <summary>A BI client's copy: applies each change of the feed in order and remembers its token.</summary>
    private sealed class Replica(HttpClient client, string resource)
    {
        public Dictionary<string, JsonElement> Records { get; } = [];
        public string? Token { get; private set; }
        private long _lastSeq = -1;

        /// <summary>Reads pages until the feed says there is nothing more; returns how many changes were applied.</summary>
        public async Task<int> SyncAsync(int limit = 37)
        {
            var applied = 0;
            while (true)
            {
                var page = await client.GetOkAsync($"/v1/changes/{resource}?limit={limit}" + (Token is null ? "" : $"&since={Token}"));
                foreach (var change in page.GetProperty("changes").EnumerateArray())
                {
                    var seq = change.GetProperty("seq").GetInt64();
                    Assert.True(seq > _lastSeq, $"change {seq} came after {_lastSeq}: a change was repeated or reordered");
                    _lastSeq = seq;
                    var id = change.GetProperty("id").GetString()!;
                    if (change.GetProperty("op").GetString() == "delete") Records.Remove(id);
                    else Records[id] = change.GetProperty("record");
                    applied++;
                }
                Token = page.GetProperty("nextToken").GetString();
                if (!page.GetProperty("hasMore").GetBoolean()) return applied;
            }
        }
    }

    [Fact]
    public async Task ReplayingFromTheLastTokenWhileWritersCreateUpdateAndDeleteReproducesTheExactFinalState()
    {
        using var factory = new CxApiFactory();
        var client = factory.CreateClient();
        var replica = new Replica(factory.CreateClient(), "interactions");
        var created = new ConcurrentBag<string>();
        var deleted = new ConcurrentBag<string>();

        using var writing = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested) await replica.SyncAsync();
        });

        await Parallel.ForEachAsync(Enumerable.Range(0, 240), new ParallelOptions { MaxDegreeOfParallelism = 12 }, async (i, ct) =>
        {
            var opened = Api.Time(Api.Now.AddMinutes(-i));
            if (i % 40 == 0)
            {
                var batch = Enumerable.Range(0, 25).Select(j => new { channel = "email", type = "billing", openedAt = opened, status = "open" }).ToArray();
                var result = await client.PostBatchAsync("/v1/interactions/batch", batch);
                foreach (var item in result.GetProperty("results").EnumerateArray()) created.Add(item.Id());
                return;
            }
            var id = (await client.PostOkAsync("/v1/interactions", new { channel = "chat", type = "support", openedAt = opened, status = "open" })).Id();
            created.Add(id);
            if (i % 3 == 0)
            {
                var patch = new HttpRequestMessage(HttpMethod.Patch, $"/v1/interactions/{id}")
                {
                    Content = new StringContent($$"""{ "team": "t{{i}}", "contactCount": 2 }""", Encoding.UTF8, "application/merge-patch+json"),
                };
                Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(patch, ct)).StatusCode);
            }
            if (i % 5 == 0)
            {
                Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/v1/interactions/{id}", ct)).StatusCode);
                deleted.Add(id);
            }
        });
        await writing.CancelAsync();
        await reader;
        await replica.SyncAsync();

        var expected = await client.ListAllAsync("/v1/interactions", limit: 1000);
        Assert.Equal(created.Count - deleted.Count, expected.Count);
        Assert.Equal(expected.Select(r => r.Id()).Order(), replica.Records.Keys.Order());
        foreach (var record in expected)
            Assert.Equal(record.GetRawText(), replica.Records[record.Id()].GetRawText()); // same version, team, contact count
        Assert.Contains(expected, r => r.GetProperty("team").GetString() is { } team && team.StartsWith('t'));

        // Nothing new: the same token gives no changes and stays where it is.
        var token = replica.Token;
        Assert.Equal(0, await replica.SyncAsync());
        Assert.Equal(token, replica.Token);
    }

    [Fact]
    public async Task NdjsonGivesOneChangePerLineAndACheckpointAndAPartnerSeesOnlyItsOwnChanges()
    {
        using var factory = new CxApiFactory();
        var admin = factory.CreateClient();
        var (partnerKey, _) = await factory.CreateKeyAsync("ingest", "acme");
        var partner = factory.CreateClient(partnerKey);
        var review = new { source = "app-store", rating = 4, publishedAt = Api.Time(Api.Now.AddHours(-1)) };
        var mine = (await partner.PostOkAsync("/v1/reviews", review)).Id();
        var theirs = (await admin.PostOkAsync("/v1/reviews", review)).Id();
        Assert.Equal(HttpStatusCode.NoContent, (await partner.DeleteAsync($"/v1/reviews/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/v1/reviews/{theirs}")).StatusCode);

        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/changes/reviews");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/x-ndjson"));
        var response = await partner.SendAsync(request);

        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["delete", "checkpoint"], lines.Select(l => l.GetProperty("op").GetString()));
        Assert.Equal(mine, lines[0].GetProperty("id").GetString()); // the create was superseded by the delete; the admin's record is not there
        Assert.False(lines[1].GetProperty("hasMore").GetBoolean());

        var all = await admin.GetOkAsync("/v1/changes/reviews");
        Assert.Equal(2, all.GetProperty("changes").GetArrayLength());
    }

    [Fact]
    public async Task ATokenTheFeedDidNotIssueIsAValidationProblem()
    {
        using var factory = new CxApiFactory();
        var response = await factory.CreateClient().GetAsync("/v1/changes/responses?since=not-a-token");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "since");
    }
}
