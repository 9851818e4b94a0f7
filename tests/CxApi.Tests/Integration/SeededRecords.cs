using CxApi.Tests.Support;

namespace CxApi.Tests.Integration;

/// <summary>A few records of every kind, made an hour ago, that every period below either holds or misses.</summary>
public sealed class SeededRecords : IAsyncLifetime
{
    public const int Each = 3;
    public const string Customer = "c-period-bounds";

    public CxApiFactory Factory { get; } = new();
    public HttpClient Client { get; private set; } = null!;
    public string WebhookId { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Client = Factory.CreateClient();
        var nps = await Client.CreateSurveyAsync("nps");
        var at = Api.Time(Api.Now.AddHours(-1));
        for (var i = 0; i < Each; i++)
        {
            await Client.PostOkAsync("/v1/responses", new { surveyId = nps, score = 3, customerId = Customer, channel = "chat", respondedAt = at });
            await Client.PostOkAsync("/v1/interactions", new { channel = "chat", type = "support", customerId = Customer, openedAt = at, status = "open" });
            await Client.PostOkAsync("/v1/reviews", new { source = "trustpilot", rating = 4, customerId = Customer, publishedAt = at });
        }
        await Client.PostOkAsync("/v1/alert-rules", new { name = "a year", metric = "nps", window = "P366D", condition = new { below = 0 }, minResponses = 1 });
        WebhookId = (await Client.PostOkAsync("/v1/webhooks", new { url = "https://hooks.example.com/cx", events = new[] { "alert.resolved" } })).Id();
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
