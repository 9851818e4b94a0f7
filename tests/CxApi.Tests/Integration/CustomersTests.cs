using CxApi.Tests.Support;
using System.Net;
using System.Text.Json;

namespace CxApi.Tests.Integration;

/// <summary>A customer's timeline and the at-risk list, each test with customers of its own.</summary>
public sealed class CustomersTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    private readonly HttpClient _admin = factory.CreateClient();

    private static string NewCustomer() => $"c-{Guid.NewGuid():N}";

    private static string HoursAgo(double hours) => Api.Time(Api.Now.AddHours(-hours));

    private static Task<JsonElement> AnswerAsync(HttpClient client, string survey, string customer, int score, double hoursAgo) =>
        client.PostOkAsync("/v1/responses", new { surveyId = survey, score, customerId = customer, respondedAt = HoursAgo(hoursAgo) });

    private static Task<JsonElement> OpenAsync(HttpClient client, string customer, double hoursAgo, bool resolved = false) =>
        client.PostOkAsync("/v1/interactions", new
        {
            channel = "chat",
            type = "support",
            customerId = customer,
            openedAt = HoursAgo(hoursAgo),
            status = resolved ? "resolved" : "open",
            resolvedAt = resolved ? HoursAgo(hoursAgo - 1) : null,
        });

    private static Task<JsonElement> ReviewAsync(HttpClient client, string customer, int rating, double hoursAgo) =>
        client.PostOkAsync("/v1/reviews", new { source = "trustpilot", rating, customerId = customer, publishedAt = HoursAgo(hoursAgo) });

    private static Task<JsonElement> IncidentAsync(
        HttpClient client, string[] customers, double hoursAgo, double? resolvedHoursAgo, string impact = "outage", string severity = "sev1") =>
        client.PostOkAsync("/v1/incidents", new
        {
            title = $"{impact} of checkout-web",
            services = new[] { "checkout-web", "payments" },
            severity,
            impact,
            startedAt = HoursAgo(hoursAgo),
            resolvedAt = resolvedHoursAgo is { } r ? HoursAgo(r) : null,
            customerIds = customers,
        });

    private static List<string?> Ids(IEnumerable<JsonElement> items) => [.. items.Select(i => i.GetProperty("id").GetString())];

    [Fact]
    public async Task TheTimelineListsResponsesInteractionsAndReviewsNewestFirstAcrossPages()
    {
        var survey = await _admin.CreateSurveyAsync("csat");
        var customer = NewCustomer();
        var ticket = await OpenAsync(_admin, customer, 5, resolved: true);
        var low = await AnswerAsync(_admin, survey, customer, 2, 4);
        var review = await ReviewAsync(_admin, customer, 1, 3);
        var high = await AnswerAsync(_admin, survey, customer, 5, 2);
        var sameTime = await OpenAsync(_admin, customer, 2, resolved: true);
        await AnswerAsync(_admin, survey, NewCustomer(), 4, 1);

        var url = $"/v1/customers/{customer}/timeline";
        var first = await _admin.GetAsync($"{url}?limit=2");
        var items = await _admin.ListAllAsync(url, limit: 2);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("rel=\"next\"", Assert.Single(first.Headers.GetValues("Link")));
        // Newest first by each record's own time; the answer and the ticket two hours ago tie and go by id, descending.
        var tied = new[] { high.Id(), sameTime.Id() }.OrderDescending(StringComparer.Ordinal);
        Assert.Equal([.. tied, review.Id(), low.Id(), ticket.Id()], Ids(items));
        var types = items.ToDictionary(i => i.GetProperty("id").GetString()!, i => i.GetProperty("type").GetString());
        Assert.Equal(["response", "interaction", "review", "response", "interaction"],
            new[] { high.Id(), sameTime.Id(), review.Id(), low.Id(), ticket.Id() }.Select(id => types[id]));
        var reviewItem = items.Single(i => i.GetProperty("type").GetString() == "review");
        Assert.Equal(1, reviewItem.GetProperty("review").GetProperty("rating").GetInt32());
        Assert.False(reviewItem.TryGetProperty("response", out _));
        Assert.Equal(2, items.Single(i => i.GetProperty("id").GetString() == low.Id()).GetProperty("response").GetProperty("score").GetInt32());
        Assert.Equal(HoursAgo(3), Api.Time(reviewItem.GetProperty("at").GetDateTimeOffset()));

        Assert.Equal([review.Id()], Ids(await _admin.ListAllAsync($"{url}?type=review")));
        Assert.Equal([low.Id(), ticket.Id()], Ids(await _admin.ListAllAsync($"{url}?to={Uri.EscapeDataString(HoursAgo(3.5))}")));
    }

    [Fact]
    public async Task TheTimelineShowsTheIncidentsThatListTheCustomerAtTheirStart()
    {
        var customer = NewCustomer();
        var ticket = await OpenAsync(_admin, customer, 5);
        var resolved = await IncidentAsync(_admin, [NewCustomer(), customer], 6, 4);
        var ongoing = await IncidentAsync(_admin, [customer], 1, null, "partial", "sev2");
        await IncidentAsync(_admin, [NewCustomer()], 3, 2);

        var url = $"/v1/customers/{customer}/timeline";
        var items = await _admin.ListAllAsync(url, limit: 2);

        Assert.Equal([ongoing.Id(), ticket.Id(), resolved.Id()], Ids(items));
        Assert.Equal(["incident", "interaction", "incident"], items.Select(i => i.GetProperty("type").GetString()));
        var (first, last) = (items[0], items[2]);
        Assert.Equal(HoursAgo(6), Api.Time(last.GetProperty("at").GetDateTimeOffset()));
        var incident = last.GetProperty("incident");
        Assert.Equal(resolved.Id(), incident.GetProperty("id").GetString());
        Assert.Equal("outage of checkout-web", incident.GetProperty("title").GetString());
        Assert.Equal(["sev1", "outage"], new[] { "severity", "impact" }.Select(f => incident.GetProperty(f).GetString()));
        Assert.Equal(["checkout-web", "payments"], incident.GetProperty("services").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(HoursAgo(4), Api.Time(incident.GetProperty("resolvedAt").GetDateTimeOffset()));
        Assert.Equal(JsonValueKind.Null, first.GetProperty("incident").GetProperty("resolvedAt").ValueKind);
        Assert.Equal(["sev2", "partial"], new[] { "severity", "impact" }.Select(f => first.GetProperty("incident").GetProperty(f).GetString()));
        Assert.False(last.TryGetProperty("interaction", out _));

        Assert.Equal([ongoing.Id(), resolved.Id()], Ids(await _admin.ListAllAsync($"{url}?type=incident")));
        Assert.Equal([ticket.Id()], Ids(await _admin.ListAllAsync($"{url}?type=interaction")));
        Assert.Equal([resolved.Id()], Ids(await _admin.ListAllAsync($"{url}?type=incident&to={Uri.EscapeDataString(HoursAgo(5.5))}")));
    }

    [Fact]
    public async Task APartnersKeySeesOnlyTheIncidentsItRecordedInATimeline()
    {
        var a = factory.CreateClient((await factory.CreateKeyAsync("ingest", $"a-{Guid.NewGuid():N}")).Key);
        var b = factory.CreateClient((await factory.CreateKeyAsync("ingest", $"b-{Guid.NewGuid():N}")).Key);
        var customer = NewCustomer();
        var aIncident = await IncidentAsync(a, [customer], 3, 2);
        var bIncident = await IncidentAsync(b, [customer], 2, 1);

        var url = $"/v1/customers/{customer}/timeline";
        Assert.Equal([aIncident.Id()], Ids(await a.ListAllAsync(url)));
        Assert.Equal([bIncident.Id()], Ids(await b.ListAllAsync(url)));
        Assert.Equal([bIncident.Id(), aIncident.Id()], Ids(await _admin.ListAllAsync(url)));
    }

    [Fact]
    public async Task APartnersKeySeesOnlyItsOwnRecordsInTimelinesAndAtRisk()
    {
        var survey = await _admin.CreateSurveyAsync("nps");
        var a = factory.CreateClient((await factory.CreateKeyAsync("ingest", $"a-{Guid.NewGuid():N}")).Key);
        var b = factory.CreateClient((await factory.CreateKeyAsync("ingest", $"b-{Guid.NewGuid():N}")).Key);
        var customer = NewCustomer();
        var aDetractor = await AnswerAsync(a, survey, customer, 3, 3);
        var aTicket = await OpenAsync(a, customer, 4, resolved: true);
        var bPromoter = await AnswerAsync(b, survey, customer, 10, 1);
        var bReview = await ReviewAsync(b, customer, 5, 2);

        var url = $"/v1/customers/{customer}/timeline";
        Assert.Equal([aDetractor.Id(), aTicket.Id()], Ids(await a.ListAllAsync(url)));
        Assert.Equal([bPromoter.Id(), bReview.Id()], Ids(await b.ListAllAsync(url)));
        Assert.Equal([bPromoter.Id(), bReview.Id(), aDetractor.Id(), aTicket.Id()], Ids(await _admin.ListAllAsync(url)));

        // The customer's latest NPS answer is the promoter, which partner A cannot see: for A it is the detractor.
        static bool Listed(List<JsonElement> list, string customer) => list.Any(c => c.GetProperty("customerId").GetString() == customer);
        Assert.True(Listed(await a.ListAllAsync("/v1/customers/at-risk"), customer));
        Assert.False(Listed(await b.ListAllAsync("/v1/customers/at-risk"), customer));
        Assert.False(Listed(await _admin.ListAllAsync("/v1/customers/at-risk"), customer));
    }

    [Fact]
    public async Task AtRiskListsEachCustomerWithItsReasonsNewestFirst()
    {
        var nps = await _admin.CreateSurveyAsync("nps");
        var csat = await _admin.CreateSurveyAsync("csat");
        string detractor = NewCustomer(), recovered = NewCustomer(), unhappy = NewCustomer(), waiting = NewCustomer(), both = NewCustomer(), served = NewCustomer();
        await AnswerAsync(_admin, nps, detractor, 9, 50);
        var latestDetractor = await AnswerAsync(_admin, nps, detractor, 3, 10);
        await AnswerAsync(_admin, nps, recovered, 2, 20);
        await AnswerAsync(_admin, nps, recovered, 10, 5);
        var lowCsat = await AnswerAsync(_admin, csat, unhappy, 1, 8);
        await AnswerAsync(_admin, nps, unhappy, 8, 7);
        var longOpen = await OpenAsync(_admin, waiting, 30);
        var recentOpen = await OpenAsync(_admin, waiting, 2);
        var zero = await AnswerAsync(_admin, nps, both, 0, 12);
        var olderOpen = await OpenAsync(_admin, both, 40);
        await OpenAsync(_admin, served, 50, resolved: true);
        string[] mine = [detractor, recovered, unhappy, waiting, both, served];

        async Task<List<JsonElement>> AtRiskAsync(string query = "") =>
            [.. (await _admin.ListAllAsync($"/v1/customers/at-risk{query}", limit: 2)).Where(c => mine.Contains(c.GetProperty("customerId").GetString()))];
        static List<string?> Customers(List<JsonElement> list) => [.. list.Select(c => c.GetProperty("customerId").GetString())];
        static List<(string?, string?, int?)> Reasons(JsonElement customer) => [.. customer.GetProperty("reasons").EnumerateArray().Select(r => (
            r.GetProperty("reason").GetString(), r.GetProperty("recordId").GetString(),
            r.GetProperty("score").ValueKind == JsonValueKind.Null ? (int?)null : r.GetProperty("score").GetInt32()))];

        // Default SLA 24 h: the ticket opened 30 h ago passed it 6 h ago, the one opened 40 h ago 16 h ago.
        var list = await AtRiskAsync();
        Assert.Equal([waiting, unhappy, detractor, both], Customers(list));
        Assert.Equal([("open_past_sla", longOpen.Id(), (int?)null)], Reasons(list[0]));
        Assert.Equal([("low_csat", lowCsat.Id(), (int?)1)], Reasons(list[1]));
        Assert.Equal([("nps_detractor", latestDetractor.Id(), (int?)3)], Reasons(list[2]));
        Assert.Equal([("nps_detractor", zero.Id(), (int?)0), ("open_past_sla", olderOpen.Id(), (int?)null)], Reasons(list[3]));
        Assert.Equal(HoursAgo(6), Api.Time(list[0].GetProperty("latestAt").GetDateTimeOffset()));
        // Open since 30 h before Api.Now (fixed when the test run started), so by now longer by the run's time so far.
        Assert.InRange(list[0].GetProperty("reasons")[0].GetProperty("openSeconds").GetDouble(), 30 * 3600 - 1,
            30 * 3600 + (DateTimeOffset.UtcNow - Api.Now).TotalSeconds + 1);

        // A one-hour SLA makes the ticket opened 2 h ago overdue as well, an hour ago.
        var strict = await AtRiskAsync("?slaSeconds=3600");
        Assert.Equal([waiting, unhappy, detractor, both], Customers(strict));
        Assert.Equal([recentOpen.Id(), longOpen.Id()], Reasons(strict[0]).Select(r => r.Item2));

        // Only risks that arose in [from, to) count.
        var recent = await AtRiskAsync($"?from={Uri.EscapeDataString(HoursAgo(9))}");
        Assert.Equal([waiting, unhappy], Customers(recent));
    }

    [Fact]
    public async Task CustomersListedInTwoIncidentsThatStartedInThePeriodAreAtRisk()
    {
        var nps = await _admin.CreateSurveyAsync("nps");
        string exposed = NewCustomer(), once = NewCustomer(), thrice = NewCustomer(), split = NewCustomer();
        await IncidentAsync(_admin, [exposed, once], 10, 9);
        var latest = await IncidentAsync(_admin, [exposed], 5, null, "partial", "sev3");
        var detractor = await AnswerAsync(_admin, nps, exposed, 4, 7);
        await IncidentAsync(_admin, [once], 6, 4, "maintenance");
        await IncidentAsync(_admin, [thrice], 30, 29);
        await IncidentAsync(_admin, [thrice], 20, 19);
        var third = await IncidentAsync(_admin, [thrice], 3, 2);
        var a = factory.CreateClient((await factory.CreateKeyAsync("ingest", $"a-{Guid.NewGuid():N}")).Key);
        var b = factory.CreateClient((await factory.CreateKeyAsync("ingest", $"b-{Guid.NewGuid():N}")).Key);
        await IncidentAsync(a, [split], 8, 7);
        var bSplit = await IncidentAsync(b, [split], 2, 1);
        string[] mine = [exposed, once, thrice, split];

        async Task<List<JsonElement>> AtRiskAsync(HttpClient client, string query = "") =>
            [.. (await client.ListAllAsync($"/v1/customers/at-risk{query}")).Where(c => mine.Contains(c.GetProperty("customerId").GetString()))];
        static List<string?> Customers(List<JsonElement> list) => [.. list.Select(c => c.GetProperty("customerId").GetString())];
        static List<(string?, string?, string?, long?)> Reasons(JsonElement customer) => [.. customer.GetProperty("reasons").EnumerateArray().Select(r => (
            r.GetProperty("reason").GetString(), r.GetProperty("recordType").GetString(), r.GetProperty("recordId").GetString(),
            r.GetProperty("incidents").ValueKind == JsonValueKind.Null ? (long?)null : r.GetProperty("incidents").GetInt64()))];

        // The maintenance leaves `once` with one incident; partner A's and B's incidents add up only for the admin.
        var list = await AtRiskAsync(_admin);
        Assert.Equal([split, thrice, exposed], Customers(list));
        Assert.Equal([("incident_exposure", "incident", bSplit.Id(), (long?)2)], Reasons(list[0]));
        Assert.Equal([("incident_exposure", "incident", third.Id(), (long?)3)], Reasons(list[1]));
        Assert.Equal([("incident_exposure", "incident", latest.Id(), (long?)2), ("nps_detractor", "response", detractor.Id(), null)], Reasons(list[2]));
        Assert.Equal(HoursAgo(5), Api.Time(list[2].GetProperty("latestAt").GetDateTimeOffset()));

        // Only incidents that started in [from, to) count: from 25 h ago `thrice` has two left, from 8 h ago one.
        Assert.Equal((long?)2, Reasons((await AtRiskAsync(_admin, $"?from={Uri.EscapeDataString(HoursAgo(25))}"))[1])[0].Item4);
        var recent = await AtRiskAsync(_admin, $"?from={Uri.EscapeDataString(HoursAgo(8))}");
        Assert.Equal([split, exposed], Customers(recent));
        Assert.Equal(["nps_detractor"], Reasons(recent[1]).Select(r => r.Item1));
        Assert.Empty(await AtRiskAsync(a));
        Assert.Empty(await AtRiskAsync(b));
    }

    [Theory]
    [InlineData("/v1/customers/at-risk?slaSeconds=0", "slaSeconds")]
    [InlineData("/v1/customers/at-risk?limit=1001", "limit")]
    [InlineData("/v1/customers/c-1/timeline?type=call", "type[0]")]
    [InlineData("/v1/customers/c-1/timeline?cursor=nonsense", "cursor")]
    public async Task BadListParametersAreValidationProblems(string url, string field) =>
        await (await _admin.GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
}
