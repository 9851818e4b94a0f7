using CxApi.Tests.Support;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CxApi.Tests.Integration;

/// <summary>What BI tools use: CSV of lists and metrics, and conditional GETs.</summary>
public sealed class BiExportTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<HttpResponseMessage> GetAsync(string url, string accept, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(accept);
        if (ifNoneMatch is not null) request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        return await _client.SendAsync(request);
    }

    private async Task<List<Dictionary<string, string>>> CsvAsync(string url)
    {
        var response = await GetAsync(url, "text/csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var rows = Csv.Parse(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
        Assert.All(rows, r => Assert.Equal(rows[0].Length, r.Length));
        return rows.Skip(1).Select(r => rows[0].Select((h, i) => (h, v: r[i])).ToDictionary(p => p.h, p => p.v)).ToList();
    }

    [Fact]
    public async Task TheOlistReviewsAsCsvParseBackToTheSameRecordsWithNewlinesAndQuotesIntact()
    {
        var olist = TestData.OlistReviews();
        var source = $"olist-csv-{Guid.NewGuid():N}";
        var items = olist.Select(r => (object)new
        {
            source,
            externalId = r.ReviewId,
            rating = r.Score,
            title = r.Title.Length == 0 ? null : r.Title,
            body = r.Message.Length == 0 ? null : r.Message,
            language = "pt-BR",
            publishedAt = r.AnsweredAt.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        }).ToList();
        foreach (var chunk in items.Chunk(500))
            Assert.Equal(chunk.Length, (await _client.PostBatchAsync("/v1/reviews/batch", chunk)).GetProperty("created").GetInt32());

        // Without a limit the export is every matching record (more than one internal page of 1,000 would stream the same way).
        var rows = await CsvAsync($"/v1/reviews?source={source}");

        Assert.Equal(932, rows.Count);
        Assert.Equal(
            ["id", "source", "externalId", "rating", "title", "body", "author", "product", "region", "service", "language", "publishedAt", "customerId", "receivedAt", "redacted"],
            rows[0].Keys);
        Assert.All(rows, r => Assert.Equal("false", r["redacted"])); // Privacy__RedactComments is off by default
        var byExternalId = rows.ToDictionary(r => r["externalId"]);
        foreach (var r in olist)
        {
            var row = byExternalId[r.ReviewId];
            Assert.Equal(r.Score.ToString(CultureInfo.InvariantCulture), row["rating"]);
            Assert.Equal(r.Message, row["body"]);
            Assert.Equal(r.Title, row["title"]);
            Assert.Equal(r.AnsweredAt, DateTimeOffset.Parse(row["publishedAt"], CultureInfo.InvariantCulture));
        }
        Assert.Contains(rows, r => r["body"].Contains("\r\n", StringComparison.Ordinal));
        Assert.Contains(rows, r => r["body"].Contains(',', StringComparison.Ordinal));
        var json = await _client.ListAllAsync($"/v1/reviews?source={source}", limit: 1000);
        Assert.Equal(json.Select(r => r.Id()), rows.Select(r => r["id"])); // same records, same order (newest first)
    }

    [Fact]
    public async Task ACsvExportWithoutALimitStreamsEveryRecordAcrossInternalPagesOnceEach()
    {
        var source = $"bulk-{Guid.NewGuid():N}";
        var at = Api.Now.AddDays(-1);
        // 2,600 reviews over three internal pages of 1,000, with ties on the time (the id breaks them).
        for (var b = 0; b < 3; b++)
            await _client.PostBatchAsync("/v1/reviews/batch",
                Enumerable.Range(0, b < 2 ? 1000 : 600).Select(i => (object)new { source, rating = 1 + i % 5, publishedAt = Api.Time(at.AddSeconds(-(i / 2))) }));

        var rows = await CsvAsync($"/v1/reviews?source={source}");

        Assert.Equal(2600, rows.Count);
        Assert.Equal(2600, rows.Select(r => r["id"]).Distinct().Count());
        var times = rows.Select(r => DateTimeOffset.Parse(r["publishedAt"], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderDescending(), times);
    }

    [Fact]
    public async Task ACsvPageWithALimitHasALinkToTheNextPage()
    {
        var source = $"paged-{Guid.NewGuid():N}";
        for (var i = 0; i < 3; i++)
            await _client.PostOkAsync("/v1/reviews", new { source, rating = 3, publishedAt = Api.Time(Api.Now.AddMinutes(-i)), body = $"quote \"{i}\"" });

        var first = await GetAsync($"/v1/reviews?source={source}&limit=2", "text/csv");
        var rows = Csv.Parse(await first.Content.ReadAsStringAsync());

        Assert.Equal(3, rows.Count); // header + 2
        Assert.Equal("quote \"0\"", rows[1][5]);
        var next = first.Headers.GetValues("Link").Single();
        Assert.Contains("rel=\"next\"", next, StringComparison.Ordinal);
        var url = next[(next.IndexOf('<') + 1)..next.IndexOf('>')];
        Assert.Equal(2, Csv.Parse(await (await GetAsync(url, "text/csv")).Content.ReadAsStringAsync()).Count);
    }

    [Fact]
    public async Task MetricsAndTrendsAnswerCsvWithOneRowPerGroupAndPerBucket()
    {
        var survey = await _client.CreateSurveyAsync("nps");
        var day = new DateTimeOffset(2026, 10, 5, 12, 0, 0, TimeSpan.Zero);
        var answers = new[] { (10, "email", 0), (9, "email", 1), (3, "chat", 1), (8, "chat", 2) };
        foreach (var (score, channel, offset) in answers)
            await _client.PostOkAsync("/v1/responses", new { surveyId = survey, score, channel, respondedAt = Api.Time(day.AddDays(offset)) });
        var range = $"surveyId={survey}&from=2026-10-05T00:00:00Z&to=2026-10-08T00:00:00Z";

        var grouped = await CsvAsync($"/v1/metrics/nps?{range}&groupBy=channel");
        Assert.Equal(["chat", "email"], grouped.Select(r => r["key"]).Order());
        Assert.Equal(["metric", "from", "to", "groupBy", "key"], grouped[0].Keys.Take(5));
        var email = grouped.Single(r => r["key"] == "email");
        Assert.Equal("100", email["value"]);
        Assert.Equal("2", email["responses"]);
        Assert.Contains("ci95.low", email.Keys);

        var single = Assert.Single(await CsvAsync($"/v1/metrics/nps?{range}"));
        Assert.Equal("", single["key"]);
        Assert.Equal("25", single["value"]); // 2 promoters, 1 detractor of 4

        var trend = await CsvAsync($"/v1/metrics/nps/trend?{range}&interval=day&tz=UTC");
        Assert.Equal(3, trend.Count);
        Assert.Equal(["1", "2", "1"], trend.Select(r => r["responses"]));
        Assert.Equal("2026-10-06T00:00:00Z", trend[1]["periodStart"]);
        Assert.Equal("", trend[1]["key"]);

        var series = await CsvAsync($"/v1/metrics/nps/trend?{range}&interval=day&tz=UTC&groupBy=channel");
        Assert.Equal(6, series.Count); // 2 channels × 3 days, empty buckets included
        Assert.Equal(4, series.Sum(r => int.Parse(r["responses"], CultureInfo.InvariantCulture)));

        var summary = await CsvAsync($"/v1/metrics/summary?from=2026-10-05T00:00:00Z&to=2026-10-08T00:00:00Z");
        Assert.Contains(summary, r => r["metric"] == "nps");
        Assert.Equal(["from", "to", "previousFrom", "previousTo", "metric"], summary[0].Keys.Take(5));
    }

    [Fact]
    public async Task AnUnchangedMetricIs304AndOneMoreResponseGivesA200WithANewETag()
    {
        var survey = await _client.CreateSurveyAsync("csat");
        var at = Api.Time(Api.Now.AddHours(-1));
        await _client.PostOkAsync("/v1/responses", new { surveyId = survey, score = 5, respondedAt = at });
        var url = $"/v1/metrics/csat?surveyId={survey}&from={Api.Time(Api.Now.AddDays(-1))}&to={Api.Time(Api.Now.AddMinutes(1))}";

        var first = await GetAsync(url, "application/json");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!.Tag;
        Assert.Contains("no-cache", first.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Accept", first.Headers.Vary);

        var unchanged = await GetAsync(url, "application/json", etag);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, unchanged.Headers.ETag!.Tag);

        await _client.PostOkAsync("/v1/responses", new { surveyId = survey, score = 1, respondedAt = at });

        var changed = await GetAsync(url, "application/json", etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag!.Tag);
        Assert.Equal(2, (await changed.JsonAsync()).GetProperty("responses").GetInt32());
        // CSV is another representation: its own tag.
        Assert.NotEqual(changed.Headers.ETag.Tag, (await GetAsync(url, "text/csv")).Headers.ETag!.Tag);
    }

    [Fact]
    public async Task ARecordGetIs304WhileItsVersionStandsAnd200AfterAPatch()
    {
        var created = await _client.PostOkAsync("/v1/interactions", new
        {
            channel = "chat",
            type = "support",
            openedAt = Api.Time(Api.Now.AddHours(-3)),
            status = "open",
        });
        var url = $"/v1/interactions/{created.Id()}";

        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(url, "application/json", "\"1\"")).StatusCode);

        var patch = new HttpRequestMessage(HttpMethod.Patch, url)
        {
            Content = new StringContent("""{ "team": "tier2" }""", Encoding.UTF8, "application/merge-patch+json"),
        };
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(patch)).StatusCode);

        var after = await GetAsync(url, "application/json", "\"1\"");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("\"2\"", after.Headers.ETag!.Tag);
        Assert.Equal("tier2", (await after.JsonAsync()).GetProperty("team").GetString());
    }

    [Fact]
    public async Task TheOpenApiDocumentListsTheCsvColumnsOfAList()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var csv = document.GetProperty("paths").GetProperty("/v1/reviews").GetProperty("get")
            .GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("text/csv");
        Assert.StartsWith("id,source,externalId,rating,", csv.GetProperty("example").GetString(), StringComparison.Ordinal);
    }
}
