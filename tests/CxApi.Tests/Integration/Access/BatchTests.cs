using CxApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CxApi.Tests.Integration.Access;

public sealed class BatchTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private static readonly string Now = Api.Time(DateTimeOffset.UtcNow.AddMinutes(-1));

    [Fact]
    public async Task ABatchOf100With3InvalidAnd2DuplicatesCreates95WithExactPerItemResults()
    {
        var client = fixture.CreateClient(fixture.IngestKey);
        var survey = await fixture.CreateClient().CreateSurveyAsync("csat");
        var run = Guid.NewGuid().ToString("N");
        var stored = await client.PostOkAsync("/v1/responses", new { surveyId = survey, score = 3, respondedAt = Now, externalId = $"{run}-stored" });

        var items = Enumerable.Range(0, 100).Select(i => $$"""{ "surveyId": "{{survey}}", "score": {{1 + i % 5}}, "respondedAt": "{{Now}}", "externalId": "{{run}}-{{i}}" }""").ToList();
        items[10] = $$"""{ "surveyId": "{{survey}}", "score": 9, "respondedAt": "{{Now}}" }""";                      // off the CSAT scale
        items[20] = $$"""{ "surveyId": "{{survey}}", "score": 4, "respondedAt": "2026-11-20T10:00:00" }""";           // no offset
        items[30] = $$"""{ "surveyId": "{{survey}}", "score": 4, "respondedAt": "{{Now}}", "foo": 1 }""";            // unknown property
        items[40] = $$"""{ "surveyId": "{{survey}}", "score": 5, "respondedAt": "{{Now}}", "externalId": "{{run}}-stored" }"""; // stored before
        items[50] = $$"""{ "surveyId": "{{survey}}", "score": 5, "respondedAt": "{{Now}}", "externalId": "{{run}}-5" }""";      // = item 5
        var body = $$"""{ "items": [{{string.Join(",", items)}}] }""";

        var (response, transactions) = await CountingTransactionsAsync(() => client.PostRawAsync("/v1/responses/batch", body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.JsonAsync();
        Assert.Equal(95, result.GetProperty("created").GetInt32());
        Assert.Equal(5, result.GetProperty("failed").GetInt32());
        var results = result.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, 100), results.Select(r => r.GetProperty("index").GetInt32()));

        void Invalid(int i, string field) => Assert.True(
            results[i].GetProperty("status").GetString() == "invalid" && results[i].GetProperty("errors").TryGetProperty(field, out _), $"item {i}: {results[i]}");
        Invalid(10, "items[10].score");
        Invalid(20, "items[20].respondedAt");
        Invalid(30, "items[30].foo");
        Assert.Equal("duplicate", results[40].GetProperty("status").GetString());
        Assert.Equal(stored.Id(), results[40].GetProperty("id").GetString());
        Assert.Equal("duplicate", results[50].GetProperty("status").GetString());
        Assert.Equal(results[5].GetProperty("id").GetString(), results[50].GetProperty("id").GetString());
        var created = results.Where(r => r.GetProperty("status").GetString() == "created").ToList();
        Assert.Equal(95, created.Count);
        Assert.Equal(95, created.Select(r => r.GetProperty("id").GetString()).Distinct().Count());
        Assert.All(created, r => Assert.False(r.TryGetProperty("errors", out _)));

        Assert.Equal(96, (await client.ListAllAsync($"/v1/responses?surveyId={survey}", 1000)).Count);
        Assert.Equal(1, transactions); // one transaction for the whole batch, not one per item
        Assert.Equal(5, (await client.GetOkAsync($"/v1/responses/{results[99].GetProperty("id").GetString()}")).GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task AStagedBatchStoresEachItemAsSentNumberedInItemOrder()
    {
        // 150 new items: enough to be staged before the write's turn (RecordTable.Staged) and moved into their table by one
        // insert in it, numbered on the way.
        var client = fixture.CreateClient(fixture.IngestKey);
        var reader = fixture.CreateClient();
        var survey = await reader.CreateSurveyAsync();
        var run = Guid.NewGuid().ToString("N");
        string[] channels = ["email", "chat", "phone", "web"];
        var items = Enumerable.Range(0, 150).Select(i => new
        {
            surveyId = survey,
            score = i % 11,
            respondedAt = Api.Time(DateTimeOffset.UtcNow.AddMinutes(-i)),
            externalId = $"{run}-{i}",
            channel = channels[i % 4],
            region = $"region-{i % 7}",
            comment = i % 3 == 0 ? null : $"comment {i} ü",
            tags = i % 2 == 0 ? new[] { "a", $"t{i}" } : [],
            customerId = i % 5 == 0 ? $"customer-{i}" : null,
            service = i % 4 == 0 ? "checkout-web" : null,
        }).ToList();

        var created = (await client.PostBatchAsync("/v1/responses/batch", items)).GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("id").GetString()!).ToList();

        var changes = new Dictionary<string, (long Seq, JsonElement Record)>();
        string? token = null;
        while (true)
        {
            var page = await reader.GetOkAsync("/v1/changes/responses?limit=1000" + (token is null ? "" : $"&since={token}"));
            foreach (var change in page.GetProperty("changes").EnumerateArray())
                changes[change.GetProperty("id").GetString()!] = (change.GetProperty("seq").GetInt64(), change.GetProperty("record"));
            token = page.GetProperty("nextToken").GetString();
            if (!page.GetProperty("hasMore").GetBoolean()) break;
        }
        var first = changes[created[0]].Seq;
        for (var i = 0; i < items.Count; i++)
        {
            var (seq, record) = changes[created[i]];
            Assert.Equal(first + i, seq);
            Assert.Equal(items[i].externalId, record.GetProperty("externalId").GetString());
            Assert.Equal(items[i].score, record.GetProperty("score").GetInt32());
            Assert.Equal(DateTimeOffset.Parse(items[i].respondedAt, CultureInfo.InvariantCulture), record.GetProperty("respondedAt").GetDateTimeOffset());
            Assert.Equal(items[i].channel, record.GetProperty("channel").GetString());
            Assert.Equal(items[i].region, record.GetProperty("region").GetString());
            Assert.Equal(items[i].comment, record.GetProperty("comment").GetString());
            Assert.Equal(items[i].tags, record.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal(items[i].customerId, record.GetProperty("customerId").GetString());
            Assert.Equal(items[i].service, record.GetProperty("service").GetString());
        }
    }

    [Fact]
    public async Task InteractionAndReviewBatchesWorkTheSameWayAndPartnersDoNotCollide()
    {
        var run = Guid.NewGuid().ToString("N");
        var reviews = new
        {
            items = new object[]
        {
            new { source = run, rating = 5, publishedAt = Now, externalId = "r1" },
            new { source = run, rating = 7, publishedAt = Now },
            "not an object",
        }
        };
        var a = await (await fixture.CreateClient(fixture.IngestKey).PostAsJsonAsync("/v1/reviews/batch", reviews)).JsonAsync();
        var b = await (await fixture.CreateClient(fixture.OtherPartnerKey).PostAsJsonAsync("/v1/reviews/batch", reviews)).JsonAsync();

        foreach (var result in new[] { a, b })
        {
            Assert.Equal(1, result.GetProperty("created").GetInt32());
            Assert.True(result.GetProperty("results")[1].GetProperty("errors").TryGetProperty("items[1].rating", out _));
            Assert.Equal("invalid", result.GetProperty("results")[2].GetProperty("status").GetString());
        }

        var interactions = await (await fixture.CreateClient(fixture.IngestKey).PostAsJsonAsync("/v1/interactions/batch", new
        {
            items = new object[]
        {
            new { channel = "chat", type = "support", openedAt = Now, status = "open", externalId = $"{run}-1" },
            new { channel = "chat", type = "support", openedAt = Now, status = "resolved" },
        }
        })).JsonAsync();
        Assert.Equal(1, interactions.GetProperty("created").GetInt32());
        Assert.True(interactions.GetProperty("results")[1].GetProperty("errors").TryGetProperty("items[1].resolvedAt", out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task ABatchOutsideOneToAThousandItemsIsRejectedWhole(int count)
    {
        var items = Enumerable.Range(0, count).Select(_ => new { source = "g", rating = 5, publishedAt = Now });
        await (await fixture.CreateClient(fixture.IngestKey).PostAsJsonAsync("/v1/reviews/batch", new { items }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "items");
    }

    /// <summary>Counts the transactions committed on this fixture's database while <paramref name="action"/> runs.</summary>
    private async Task<(T Result, int Transactions)> CountingTransactionsAsync<T>(Func<Task<T>> action)
    {
        var count = 0;
        var path = TestDatabase.IsPostgres ? TestDatabase.DatabaseName(fixture.DatabasePath) : fixture.DatabasePath;
        using var all = DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
        {
            if (listener.Name != DbLoggerCategory.Name) return;
            listener.Subscribe(new Observer<KeyValuePair<string, object?>>(e =>
            {
                if (e.Key == RelationalEventId.TransactionCommitted.Name && e.Value is TransactionEndEventData data
                    && data.Context?.Database.GetConnectionString()?.Contains(path, StringComparison.Ordinal) == true)
                    Interlocked.Increment(ref count);
            }));
        }));
        var result = await action();
        return (result, count);
    }

    private sealed class Observer<T>(Action<T> onNext) : IObserver<T>
    {
        public void OnNext(T value) => onNext(value);
        public void OnError(Exception error) { }
        public void OnCompleted() { }
    }
}
