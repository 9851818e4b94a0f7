using CxApi.Features.Alerts;
using CxApi.Features.Webhooks;
using CxApi.Infrastructure.Entities;
using CxApi.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CxApi.Tests.Integration.Alerts;

public sealed class AlertsAndWebhooksTests
{
    // Rules are evaluated five times a second and the outbox polled ten times, so these tests take seconds.
    internal static Dictionary<string, string> Fast(bool deliver = true) => new()
    {
        ["Alerts__EvaluationInterval"] = "00:00:00.200",
        ["Webhooks__PollInterval"] = "00:00:00.100",
        ["Webhooks__RetryBaseDelay"] = "00:00:00.200",
        ["Webhooks__DeliveryEnabled"] = deliver ? "true" : "false",
    };

    /// <summary>
    /// The application with alerts and webhooks; on a <paramref name="clock"/> of the test's, with the production
    /// intervals (the test moves the clock), otherwise with the <see cref="Fast"/> ones on the system clock.
    /// </summary>
    internal static CxApiFactory Factory(
        string? path = null, string? retryFor = null, bool deliver = true, Dictionary<string, string>? with = null, FakeTimeProvider? clock = null)
    {
        var settings = clock is null
            ? Fast(deliver).ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => (string?)s.Value)
            : new Dictionary<string, string?> { ["Webhooks:DeliveryEnabled"] = deliver ? "true" : "false" };
        if (retryFor is not null) settings["Webhooks:RetryFor"] = retryFor;
        foreach (var (key, value) in with ?? []) settings[key] = value;
        return new CxApiFactory
        {
            DatabasePath = path ?? CxApiFactory.NewDatabasePath(),
            KeepDatabase = path is not null,
            Settings = settings,
            Clock = clock,
        };
    }

    /// <summary>The production defaults, which the tests on a fake clock keep.</summary>
    private static readonly WebhookOptions Defaults = new();

    private static readonly TimeSpan EvaluationInterval = new AlertOptions().EvaluationInterval;

    /// <summary>Moves <paramref name="clock"/> on to the next poll of the outbox, which sends what record events wrote to it.</summary>
    internal static void Poll(FakeTimeProvider clock) => clock.Advance(Defaults.PollInterval);

    /// <summary>
    /// Moves <paramref name="clock"/> to just past <paramref name="due"/>: far enough that a poll of the outbox falls at or
    /// after it, so the delivery due then is claimed.
    /// </summary>
    private static void MoveTo(FakeTimeProvider clock, DateTimeOffset due)
    {
        var target = due + Defaults.PollInterval;
        if (target > clock.GetUtcNow()) clock.SetUtcNow(target);
    }

    private static List<JsonElement> Attempts(JsonElement delivery) => [.. delivery.GetProperty("attempts").EnumerateArray()];

    private static DateTimeOffset At(JsonElement attempt) => attempt.GetProperty("at").GetDateTimeOffset();

    private static DateTimeOffset EndedAt(JsonElement attempt) =>
        At(attempt) + TimeSpan.FromMilliseconds(attempt.GetProperty("durationMs").GetDouble());

    /// <summary>The attempts recorded for the newest delivery on a page of the delivery log.</summary>
    private static int AttemptCount(JsonElement page) => page.GetProperty("items")[0].GetProperty("attemptCount").GetInt32();

    /// <summary>What equal jitter allows after the n-th failure: between half and all of base × 2^(n-1).</summary>
    private static (TimeSpan Min, TimeSpan Max) Backoff(int failures)
    {
        var step = Defaults.RetryBaseDelay * Math.Pow(2, failures - 1);
        return (step / 2, step);
    }

    internal static async Task<(string Id, string Secret)> SubscribeAsync(HttpClient client, string url, params string[] events)
    {
        var created = await client.PostOkAsync("/v1/webhooks", new { url, events });
        return (created.Id(), created.GetProperty("secret").GetString()!);
    }

    private static Task<JsonElement> CsatBelowFiftyAsync(HttpClient client, string surveyId) => client.PostOkAsync("/v1/alert-rules", new
    {
        name = "Support CSAT below 50 %",
        metric = "csat",
        filters = new { surveyId = new[] { surveyId } },
        window = "P1D",
        condition = new { below = 50 },
        minResponses = 10,
    });

    private static async Task<List<string>> PostScoresAsync(HttpClient client, string surveyId, int score, int count, DateTimeOffset? at = null)
    {
        var respondedAt = Api.Time(at ?? DateTimeOffset.UtcNow.AddMinutes(-5));
        var ids = new List<string>();
        for (var i = 0; i < count; i++) ids.Add((await client.PostOkAsync("/v1/responses", new { surveyId, score, respondedAt })).Id());
        return ids;
    }

    internal static async Task<JsonElement> EvaluateAsync(HttpClient client)
    {
        var response = await client.PostAsync("/v1/alert-rules/evaluate", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    /// <summary>GETs <paramref name="url"/> until <paramref name="done"/> holds (fails after a generous timeout).</summary>
    internal static async Task<JsonElement> EventuallyAsync(HttpClient client, string url, Func<JsonElement, bool> done, int seconds = 60)
    {
        for (var waited = 0; ; waited += 100)
        {
            var body = await client.GetOkAsync(url);
            if (done(body)) return body;
            Assert.True(waited < seconds * 1000, $"GET {url} did not reach the expected state within {seconds} s: {body}");
            await Task.Delay(100);
        }
    }

    internal static bool AllDelivered(JsonElement page, int count) =>
        page.GetProperty("items").GetArrayLength() == count &&
        page.GetProperty("items").EnumerateArray().All(d => d.GetProperty("status").GetString() == "delivered");

    internal static JsonElement Data(WebhookReceiver.Delivery delivery) => JsonDocument.Parse(delivery.Body).RootElement.GetProperty("data");

    private static string Type(WebhookReceiver.Delivery delivery) => JsonDocument.Parse(delivery.Body).RootElement.GetProperty("type").GetString()!;

    [Fact]
    public async Task ACsatRuleFiresOnceWithOneSignedDeliveryAndResolvesAfterHighScores()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var clock = CxApiFactory.FakeClock();
        var started = clock.GetUtcNow();
        using var factory = Factory(clock: clock);
        var client = factory.CreateClient();
        var (webhookId, secret) = await SubscribeAsync(client, receiver.Url, "alert.triggered", "alert.resolved");
        var survey = await client.CreateSurveyAsync("csat");
        var rule = await CsatBelowFiftyAsync(client, survey);
        Assert.Equal("ok", rule.GetProperty("state").GetString());

        // The background pass comes when the clock reaches the evaluation interval.
        await PostScoresAsync(client, survey, 2, 10);
        clock.Advance(EvaluationInterval);
        var triggered = Assert.Single(await receiver.WaitForAsync(1));
        Assert.True(WebhookReceiver.SignatureVerifies(triggered, secret), triggered.ToString());
        var sentAt = long.Parse(triggered.Timestamp, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(sentAt, started.ToUnixTimeSeconds(), clock.GetUtcNow().ToUnixTimeSeconds());
        Assert.Equal("alert.triggered", Type(triggered));
        Assert.Equal(0, Data(triggered).GetProperty("value").GetDouble());
        Assert.Equal(10, Data(triggered).GetProperty("n").GetInt64());
        Assert.True(Data(triggered).GetProperty("ci95").GetProperty("high").GetDouble() > 0);
        Assert.Equal(rule.Id(), Data(triggered).GetProperty("rule").GetProperty("id").GetString());

        // While it stays true, further passes (here and in the background) fire nothing.
        for (var i = 0; i < 3; i++) Assert.Equal(0, (await EvaluateAsync(client)).GetProperty("events").GetArrayLength());
        Assert.Equal("firing", (await client.GetOkAsync($"/v1/alert-rules/{rule.Id()}")).GetProperty("state").GetString());

        await PostScoresAsync(client, survey, 5, 30);
        clock.Advance(EvaluationInterval);
        var resolved = (await receiver.WaitForAsync(2))[1];
        Assert.Equal("alert.resolved", Type(resolved));
        Assert.True(Data(resolved).GetProperty("value").GetDouble() >= 50);
        Assert.True(WebhookReceiver.SignatureVerifies(resolved, secret));
        for (var i = 0; i < 3; i++) Assert.Equal(0, (await EvaluateAsync(client)).GetProperty("events").GetArrayLength());

        var log = await EventuallyAsync(client, $"/v1/webhooks/{webhookId}/deliveries", page => AllDelivered(page, 2));
        Assert.Equal(2, receiver.Received.Count);
        Assert.Equal([resolved.Id, triggered.Id], log.GetProperty("items").EnumerateArray().Select(d => d.Id()));
        var alerts = await client.GetOkAsync($"/v1/alerts?ruleId={rule.Id()}");
        Assert.Equal(["alert.resolved", "alert.triggered"], alerts.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("type").GetString()));
        Assert.Equal(Data(triggered).GetProperty("id").GetString(), alerts.GetProperty("items")[1].Id());
        Assert.Equal("ok", (await client.GetOkAsync($"/v1/alert-rules/{rule.Id()}")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task ARulesWindowEndsAtThePassThatTheClockBringsAndScoresOlderThanItNoLongerCount()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var clock = CxApiFactory.FakeClock();
        var t0 = clock.GetUtcNow();
        using var factory = Factory(clock: clock);
        var client = factory.CreateClient();
        await SubscribeAsync(client, receiver.Url, "alert.triggered", "alert.resolved");
        var survey = await client.CreateSurveyAsync("csat");
        var rule = await client.PostOkAsync("/v1/alert-rules", new
        {
            name = "Last hour's CSAT below 50 %",
            metric = "csat",
            filters = new { surveyId = new[] { survey } },
            window = "PT1H",
            condition = new { below = 50 },
            minResponses = 5,
        });

        // Ten unhappy answers half an hour ago fire the rule at the next pass.
        await PostScoresAsync(client, survey, 1, 10, t0.AddMinutes(-30));
        clock.Advance(EvaluationInterval);
        Assert.Equal("alert.triggered", Type(Assert.Single(await receiver.WaitForAsync(1))));

        // Five happy ones at t0: while the unhappy ten are in the window, CSAT is 5 of 15 and the rule keeps firing,
        // up to 29 minutes on (the passes in between found the same).
        await PostScoresAsync(client, survey, 5, 5, t0);
        clock.SetUtcNow(t0.AddMinutes(29));
        Assert.Equal(0, (await EvaluateAsync(client)).GetProperty("events").GetArrayLength());
        Assert.Equal("firing", (await client.GetOkAsync($"/v1/alert-rules/{rule.Id()}")).GetProperty("state").GetString());

        // From 31 minutes on, the hour before a pass no longer holds them.
        clock.SetUtcNow(t0.AddMinutes(31));
        var resolved = (await receiver.WaitForAsync(2))[1];
        Assert.Equal("alert.resolved", Type(resolved));
        Assert.Equal(t0.AddMinutes(31), Data(resolved).GetProperty("to").GetDateTimeOffset());
        Assert.Equal(t0.AddMinutes(-29), Data(resolved).GetProperty("from").GetDateTimeOffset());
        Assert.Equal(5, Data(resolved).GetProperty("n").GetInt64());
        Assert.Equal(100, Data(resolved).GetProperty("value").GetDouble());
        Assert.Equal(2, receiver.Received.Count);
    }

    [Fact]
    public async Task AReceiverAnswering500IsRetriedAfterGrowingWaitsAndTheDeliveryLogShowsEachAttempt()
    {
        await using var receiver = await WebhookReceiver.StartAsync(n => n <= 2 ? 500 : 200);
        var clock = CxApiFactory.FakeClock();
        using var factory = Factory(clock: clock);
        var client = factory.CreateClient();
        var (webhookId, secret) = await SubscribeAsync(client, receiver.Url, "review.created");
        var review = await client.PostOkAsync("/v1/reviews",
            new { source = "webhooks", rating = 2, publishedAt = Api.Time(clock.GetUtcNow().AddMinutes(-1)) });
        var deliveries = $"/v1/webhooks/{webhookId}/deliveries";
        Poll(clock);

        // Each failure schedules the next attempt by the backoff, counted from when the attempt ended; only moving the
        // clock there brings it.
        for (var failures = 1; failures <= 2; failures++)
        {
            var failed = failures;
            var delivery = (await EventuallyAsync(client, deliveries, page => AttemptCount(page) == failed)).GetProperty("items")[0];
            Assert.Equal("pending", delivery.GetProperty("status").GetString());
            var last = Attempts(delivery)[^1];
            Assert.Equal(500, last.GetProperty("statusCode").GetInt32());
            var next = delivery.GetProperty("nextAttemptAt").GetDateTimeOffset();
            var (min, max) = Backoff(failures);
            Assert.InRange(next - EndedAt(last), min, max);
            Assert.Equal(failures, receiver.Received.Count); // nothing is sent before it is due
            MoveTo(clock, next);
        }

        var attempts = await receiver.WaitForAsync(3);
        Assert.Equal([500, 500, 200], attempts.Select(a => a.AnsweredWith));
        Assert.Single(attempts.Select(a => a.Id).Distinct()); // one message, sent three times
        Assert.All(attempts, a => Assert.True(WebhookReceiver.SignatureVerifies(a, secret)));
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds(), long.Parse(attempts[^1].Timestamp, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("review.created", Type(attempts[0]));
        Assert.Equal(review.Id(), Data(attempts[0]).GetProperty("id").GetString());

        var log = await EventuallyAsync(client, deliveries, page => AllDelivered(page, 1));
        var delivered = log.GetProperty("items")[0];
        Assert.Equal(attempts[0].Id, delivered.Id());
        Assert.Equal(3, delivered.GetProperty("attemptCount").GetInt32());
        Assert.Equal([500, 500, 200], Attempts(delivered).Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.Equal([1, 2, 3], Attempts(delivered).Select(a => a.GetProperty("attempt").GetInt32()));
        Assert.Equal(clock.GetUtcNow(), delivered.GetProperty("deliveredAt").GetDateTimeOffset());
        Assert.Equal(3, receiver.Received.Count);
    }

    [Fact]
    public async Task ADeliveryStillFailingWhenItsRetryPeriodEndsIsMarkedFailed()
    {
        var retryFor = TimeSpan.FromMinutes(10);
        await using var receiver = await WebhookReceiver.StartAsync(_ => 503);
        var clock = CxApiFactory.FakeClock();
        using var factory = Factory(retryFor: retryFor.ToString(), clock: clock);
        var client = factory.CreateClient();
        var (webhookId, _) = await SubscribeAsync(client, receiver.Url, "review.created");
        await client.PostOkAsync("/v1/reviews", new { source = "webhooks", rating = 1, publishedAt = Api.Time(clock.GetUtcNow().AddMinutes(-1)) });
        var deliveries = $"/v1/webhooks/{webhookId}/deliveries";
        Poll(clock);

        // Each recorded failure is followed to its retry, until there is none.
        JsonElement delivery;
        for (var recorded = 1; ; recorded++)
        {
            var count = recorded;
            delivery = (await EventuallyAsync(client, deliveries, page => AttemptCount(page) == count)).GetProperty("items")[0];
            if (delivery.GetProperty("status").GetString() != "pending") break;
            Assert.True(recorded < 20, $"still retried after {recorded} attempts: {delivery}");
            MoveTo(clock, delivery.GetProperty("nextAttemptAt").GetDateTimeOffset());
        }

        Assert.Equal("failed", delivery.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, delivery.GetProperty("nextAttemptAt").ValueKind);
        var attempts = Attempts(delivery);
        Assert.All(attempts, a => Assert.Equal(503, a.GetProperty("statusCode").GetInt32()));
        // Retried later and later until the retry period had passed: the last attempt is the first one after it.
        var givenUpAfter = delivery.GetProperty("createdAt").GetDateTimeOffset() + retryFor;
        Assert.True(EndedAt(attempts[^1]) >= givenUpAfter, delivery.ToString());
        Assert.True(EndedAt(attempts[^2]) < givenUpAfter, delivery.ToString());
        for (var n = 1; n < attempts.Count; n++)
            Assert.True(At(attempts[n]) - EndedAt(attempts[n - 1]) >= Backoff(n).Min, $"attempt {n + 1} came too early: {delivery}");
        Assert.Equal(attempts.Count, receiver.Received.Count);
    }

    [Fact]
    public async Task AHangingReceiverDelaysNoOtherAndIsRetriedLaterAndLaterWithinItsOwnSlots()
    {
        const int perWebhook = 16;
        await using var healthy = await WebhookReceiver.StartAsync();
        await using var hanging = await WebhookReceiver.StartAsync(hangs: true);
        var clock = CxApiFactory.FakeClock();
        using var factory = Factory(clock: clock, with: new()
        {
            ["Webhooks:MaxConcurrentAttempts"] = "32",
            ["Webhooks:MaxConcurrentAttemptsPerWebhook"] = $"{perWebhook}",
        });
        var client = factory.CreateClient();
        await SubscribeAsync(client, healthy.Url, "review.created");
        var (hangingId, _) = await SubscribeAsync(client, hanging.Url, "review.created");
        var deliveries = $"/v1/webhooks/{hangingId}/deliveries?limit=100";

        // 50 events, 10 at a time.
        var posted = new ConcurrentBag<string>();
        var review = new { source = "fairness", rating = 4, publishedAt = Api.Time(clock.GetUtcNow().AddMinutes(-1)) };
        for (var wave = 0; wave < 5; wave++)
            await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ => posted.Add((await client.PostOkAsync("/v1/reviews", review)).Id())));

        // After one poll the clock stands still, so no attempt at the hanging receiver ends; the healthy one gets every event all the same.
        Poll(clock);
        var received = await healthy.WaitUntilAsync(
            r => r.Select(d => Data(d).Id()).Distinct().Count() == 50, "all 50 events at the healthy receiver");
        Assert.Equal(posted.Order(), received.Select(d => Data(d).Id()).Distinct().Order());
        await hanging.WaitForAsync(perWebhook);
        Assert.Equal(perWebhook, hanging.Received.Count); // it holds all the slots it may, and no more

        // Each attempt there is given up after the timeout, and the freed slots go to what is due. The clock moves a timeout
        // at a time, once the attempts it ended are recorded and the slots they freed are refilled.
        var (recorded, inFlight) = (0, perWebhook);
        JsonElement log;
        do
        {
            clock.Advance(Defaults.Timeout);
            var ended = recorded + inFlight;
            log = await EventuallyAsync(client, deliveries, page =>
            {
                var items = page.GetProperty("items").EnumerateArray().ToList();
                var due = items.Count(d => d.GetProperty("nextAttemptAt").GetDateTimeOffset() <= clock.GetUtcNow());
                return items.Sum(d => d.GetProperty("attemptCount").GetInt32()) == ended
                    && hanging.Received.Count - ended == Math.Min(perWebhook, due);
            });
            (recorded, inFlight) = (ended, hanging.Received.Count - ended);
        }
        while (!log.GetProperty("items").EnumerateArray().Any(d => d.GetProperty("attemptCount").GetInt32() >= 3));

        var items = log.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(50, items.Count);
        var held = new List<(DateTimeOffset From, DateTimeOffset To)>();
        foreach (var delivery in items.Where(d => d.GetProperty("attemptCount").GetInt32() > 0))
        {
            Assert.Equal("pending", delivery.GetProperty("status").GetString());
            var attempts = Attempts(delivery);
            Assert.Equal(delivery.GetProperty("attemptCount").GetInt32(), attempts.Count);
            Assert.All(attempts, a => Assert.Equal(JsonValueKind.Null, a.GetProperty("statusCode").ValueKind));
            Assert.All(attempts, a => Assert.Equal("no answer within 10 s", a.GetProperty("error").GetString()));
            Assert.All(attempts, a => Assert.Equal(Defaults.Timeout, EndedAt(a) - At(a)));
            held.AddRange(attempts.Select(a => (At(a), EndedAt(a))));
            // After the n-th failure the wait is at least half of base × 2^(n-1), and nobody holds a slot while it lasts.
            for (var n = 1; n < attempts.Count; n++)
                Assert.True(At(attempts[n]) - EndedAt(attempts[n - 1]) >= Backoff(n).Min, $"attempt {n + 1} came too early: {delivery}");
            var (min, max) = Backoff(attempts.Count);
            Assert.InRange(delivery.GetProperty("nextAttemptAt").GetDateTimeOffset() - EndedAt(attempts[^1]), min, max);
        }
        Assert.Equal(perWebhook, held.Max(h => held.Count(o => o.From <= h.From && h.From < o.To)));
    }

    [Fact]
    public async Task EveryRecordOfABatchIsDeliveredToItsSubscribersAndNothingElse()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var clock = CxApiFactory.FakeClock();
        using var factory = Factory(clock: clock);
        var client = factory.CreateClient();
        var (webhookId, _) = await SubscribeAsync(client, receiver.Url, "response.created");
        var survey = await client.CreateSurveyAsync("nps");
        var respondedAt = Api.Time(DateTimeOffset.UtcNow.AddMinutes(-1));
        var batch = await (await client.PostAsJsonAsync("/v1/responses/batch", new
        {
            items = new[] { 9, 3, 10 }.Select(score => new { surveyId = survey, score, respondedAt }),
        })).JsonAsync();
        await client.PostOkAsync("/v1/reviews", new { source = "not-subscribed", rating = 5, publishedAt = respondedAt });
        Poll(clock);

        await EventuallyAsync(client, $"/v1/webhooks/{webhookId}/deliveries", page => AllDelivered(page, 3));
        var created = batch.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()).Order();
        Assert.Equal(created, receiver.Received.Select(d => Data(d).GetProperty("id").GetString()).Order());
        Assert.All(receiver.Received, d => Assert.Equal("response.created", Type(d)));
        Assert.Equal(3, await factory.CountAsync<WebhookDeliveryEntity>()); // the review, which nobody subscribed to, wrote no outbox row
        var listed = await client.GetOkAsync("/v1/webhooks");
        Assert.False(listed.GetProperty("items")[0].TryGetProperty("secret", out _));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task AnAlertFiredBeforeARestartIsDeliveredExactlyOnceAfterIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var path = CxApiFactory.NewDatabasePath();
        try
        {
            string ruleId, webhookId, secret;
            await using (var first = await ServerProcess.StartAsync(path, Fast(deliver: false)))
            {
                var client = first.Client();
                (webhookId, secret) = await SubscribeAsync(client, receiver.Url, "alert.triggered");
                var survey = await client.CreateSurveyAsync("csat");
                ruleId = (await CsatBelowFiftyAsync(client, survey)).Id();
                await PostScoresAsync(client, survey, 1, 10);
                await EventuallyAsync(client, $"/v1/alerts?ruleId={ruleId}", page => page.GetProperty("items").GetArrayLength() == 1);
                var pending = (await client.GetOkAsync($"/v1/webhooks/{webhookId}/deliveries")).GetProperty("items");
                Assert.Equal("pending", Assert.Single(pending.EnumerateArray()).GetProperty("status").GetString());
                first.Kill(); // the event is in the outbox, not yet sent
            }
            Assert.Empty(receiver.Received);

            await using var second = await ServerProcess.StartAsync(path, Fast(deliver: true));
            var again = second.Client();
            var delivered = Assert.Single(await receiver.WaitForAsync(1));
            Assert.True(WebhookReceiver.SignatureVerifies(delivered, secret));
            Assert.Equal(ruleId, Data(delivered).GetProperty("rule").GetProperty("id").GetString());
            // The restarted instance finds the rule still firing: evaluating it again fires nothing new.
            for (var i = 0; i < 3; i++) Assert.Equal(0, (await EvaluateAsync(again)).GetProperty("events").GetArrayLength());
            await EventuallyAsync(again, $"/v1/webhooks/{webhookId}/deliveries", page => AllDelivered(page, 1));
            Assert.Single(receiver.Received);
            Assert.Single((await again.GetOkAsync($"/v1/alerts?ruleId={ruleId}")).GetProperty("items").EnumerateArray());
        }
        finally
        {
            CxApiFactory.DeleteDatabase(path);
        }
    }

    [Fact]
    public async Task TwoInstancesOnOneDatabaseRecordAndDeliverEachTransitionOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var path = CxApiFactory.NewDatabasePath();
        try
        {
            // One clock for both: each move of it brings a background pass on each instance at once.
            var clock = CxApiFactory.FakeClock();
            using var a = Factory(path, clock: clock);
            using var b = Factory(path, clock: clock);
            var (clientA, clientB) = (a.CreateClient(), b.CreateClient());
            var (webhookId, _) = await SubscribeAsync(clientA, receiver.Url, "alert.triggered", "alert.resolved");
            var survey = await clientA.CreateSurveyAsync("csat");
            var ruleId = (await CsatBelowFiftyAsync(clientB, survey)).Id();

            await PostScoresAsync(clientA, survey, 1, 10);
            clock.Advance(EvaluationInterval);
            await receiver.WaitForAsync(1);
            // The attempt is recorded a moment after the receiver answers; moving the clock a whole interval before that
            // would let a claim expire that on a real clock lasts far longer than the recording takes.
            await EventuallyAsync(clientB, $"/v1/webhooks/{webhookId}/deliveries", page => AllDelivered(page, 1));
            // Both instances keep evaluating (in the background and on demand) while the rule stays true.
            clock.Advance(EvaluationInterval);
            var extra = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => EvaluateAsync(i % 2 == 0 ? clientA : clientB)));
            Assert.All(extra, e => Assert.Equal(0, e.GetProperty("events").GetArrayLength()));
            await EventuallyAsync(clientB, $"/v1/webhooks/{webhookId}/deliveries", page => AllDelivered(page, 1));

            Assert.Single(receiver.Received);
            Assert.Single((await clientB.GetOkAsync($"/v1/alerts?ruleId={ruleId}")).GetProperty("items").EnumerateArray());
        }
        finally
        {
            CxApiFactory.DeleteDatabase(path);
        }
    }

    [Fact]
    public async Task InvalidRulesAndWebhooksAre400ProblemsNamingTheField()
    {
        using var factory = new CxApiFactory();
        var client = factory.CreateClient();
        object Rule(string metric = "csat", string window = "P7D", object? condition = null, string? field = null, object? filters = null) =>
            new { name = "r", metric, window, condition = condition ?? new { below = 50 }, field, filters };

        await (await client.PostAsJsonAsync("/v1/alert-rules", Rule(metric: "happiness"))).AssertProblemAsync(HttpStatusCode.BadRequest, "metric");
        await (await client.PostAsJsonAsync("/v1/alert-rules", Rule(field: "fcrRate"))).AssertProblemAsync(HttpStatusCode.BadRequest, "field");
        await (await client.PostAsJsonAsync("/v1/alert-rules", Rule(window: "7 days"))).AssertProblemAsync(HttpStatusCode.BadRequest, "window");
        await (await client.PostAsJsonAsync("/v1/alert-rules", Rule(filters: new { team = new[] { "tier1" } })))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "filters.team");
        await (await client.PostAsJsonAsync("/v1/alert-rules", Rule(condition: new { below = 50, above = 90 })))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "condition");
        await (await client.PostAsJsonAsync("/v1/webhooks", new { url = "https://user:pw@hooks.example.com/x", events = new[] { "alert.triggered" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "url");
        await (await client.PostAsJsonAsync("/v1/webhooks", new { url = "https://hooks.example.com/x", events = new[] { "alert.fired" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "events[0]");

        var rule = await client.PostOkAsync("/v1/alert-rules", Rule(metric: "interactions", field: "firstResponse.p90",
            condition: new { above = 3600 }, filters: new { team = new[] { "tier1" } }));
        var patch = new HttpRequestMessage(HttpMethod.Patch, $"/v1/alert-rules/{rule.Id()}") { Content = JsonContent.Create(new { window = "P1M" }) };
        await (await client.SendAsync(patch)).AssertProblemAsync(HttpStatusCode.BadRequest, "window");
        patch = new HttpRequestMessage(HttpMethod.Patch, $"/v1/alert-rules/{rule.Id()}") { Content = JsonContent.Create(new { window = "PT6H", condition = new { above = 1800 } }) };
        var patched = await (await client.SendAsync(patch)).JsonAsync();
        Assert.Equal("PT6H", patched.GetProperty("window").GetString());
        Assert.Equal(1800, patched.GetProperty("condition").GetProperty("above").GetDouble());
        Assert.False(patched.GetProperty("condition").TryGetProperty("below", out _));

        var (readKey, _) = await factory.CreateKeyAsync("read");
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.CreateClient(readKey).GetAsync("/v1/alert-rules")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/v1/alert-rules/{rule.Id()}")).StatusCode);
        await (await client.GetAsync($"/v1/alert-rules/{rule.Id()}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
