using CxApi.Tests.Support;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace CxApi.Tests.Integration;

public sealed class ReviewsTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task CreatingAReviewStoresEveryField()
    {
        var response = await _client.PostAsJsonAsync("/v1/reviews", new
        {
            source = "trustpilot",
            externalId = "tp-5521",
            rating = 4,
            title = "Solid",
            body = "Fast delivery\nwould buy again",
            author = "Ana",
            product = "mobile-app",
            region = "emea",
            language = "en",
            publishedAt = "2026-11-19T18:00:00Z",
            customerId = (string?)null,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        var review = await _client.GetOkAsync($"/v1/reviews/{created.Id()}");
        Assert.Equal("trustpilot", review.GetProperty("source").GetString());
        Assert.Equal(4, review.GetProperty("rating").GetInt32());
        Assert.Equal("Fast delivery\nwould buy again", review.GetProperty("body").GetString());
        Assert.Equal("2026-11-19T18:00:00Z", review.GetProperty("publishedAt").GetString());
        Assert.Equal("tp-5521", review.GetProperty("externalId").GetString());
    }

    [Fact]
    public async Task ListingReviewsFiltersBySourceRatingAndTime()
    {
        var t0 = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var source = $"src-{Guid.NewGuid():N}";
        var ids = new List<string>();
        for (var rating = 1; rating <= 5; rating++)
            ids.Add((await _client.PostOkAsync("/v1/reviews", new { source, rating, publishedAt = Api.Time(t0.AddDays(rating)) })).Id());

        Assert.Equal([ids[4], ids[3]], (await _client.ListAllAsync($"/v1/reviews?source={source}&minRating=4")).Select(r => r.Id()));
        Assert.Equal([ids[1], ids[0]], (await _client.ListAllAsync($"/v1/reviews?source={source}&maxRating=2")).Select(r => r.Id()));
        Assert.Equal([ids[2]], (await _client.ListAllAsync($"/v1/reviews?source={source}&minRating=3&maxRating=3")).Select(r => r.Id()));
        Assert.Equal([ids[3], ids[2]], (await _client.ListAllAsync($"/v1/reviews?source={source}&from={Api.Time(t0.AddDays(3))}&to={Api.Time(t0.AddDays(5))}")).Select(r => r.Id()));
    }

    [Fact]
    public async Task DeletingAReviewRemovesIt()
    {
        var id = (await _client.PostOkAsync("/v1/reviews", new { source = "g", rating = 2, publishedAt = Api.Time(Api.Now) })).Id();
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/v1/reviews/{id}")).StatusCode);
        await (await _client.GetAsync($"/v1/reviews/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheOlistReviewsAllComeBackThroughPagingWithTextIntact()
    {
        var olist = TestData.OlistReviews();
        Assert.Equal(932, olist.Count);
        var source = $"olist-{Guid.NewGuid():N}";

        foreach (var r in olist)
        {
            await _client.PostOkAsync("/v1/reviews", new
            {
                source,
                externalId = r.ReviewId,
                rating = r.Score,
                title = r.Title.Length == 0 ? null : r.Title,
                body = r.Message.Length == 0 ? null : r.Message,
                language = "pt-BR",
                publishedAt = r.AnsweredAt.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            });
        }

        var listed = await _client.ListAllAsync($"/v1/reviews?source={source}", limit: 97);
        Assert.Equal(932, listed.Count);
        Assert.Equal(932, listed.Select(r => r.Id()).Distinct().Count());

        var byExternalId = listed.ToDictionary(r => r.GetProperty("externalId").GetString()!);
        foreach (var r in olist)
        {
            var stored = byExternalId[r.ReviewId];
            Assert.Equal(r.Score, stored.GetProperty("rating").GetInt32());
            Assert.Equal(r.Message.Length == 0 ? null : r.Message, stored.GetProperty("body").GetString());
            Assert.Equal(r.Title.Length == 0 ? null : r.Title, stored.GetProperty("title").GetString());
            Assert.Equal(r.AnsweredAt, DateTimeOffset.Parse(stored.GetProperty("publishedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        }
        Assert.Contains(listed, r => r.GetProperty("body").GetString()?.Contains("\r\n", StringComparison.Ordinal) == true);
        var times = listed.Select(r => DateTimeOffset.Parse(r.GetProperty("publishedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderDescending(), times); // newest first
    }
}
