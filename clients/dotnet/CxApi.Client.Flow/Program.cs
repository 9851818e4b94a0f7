// Drives the NSwag-generated C# client (clients/dotnet/CxApi.Client) through what an integrating .NET service does,
// against a live server, and checks each answer. Exits non-zero on the first failing step, naming the step and why.
//   CX_BASE_URL=http://127.0.0.1:5080 CX_API_KEY=<admin key> dotnet run --project clients/dotnet/CxApi.Client.Flow
// CX_FLOW_KEEP_GOING=1 runs every step even after a failure (later steps may then fail for want of earlier results).
using CxApi.Client;
using CxApi.Client.Flow;
using System.Globalization;
using System.Text.Json;

var baseUrl = Environment.GetEnvironmentVariable("CX_BASE_URL") ?? "http://localhost:5080";
var apiKey = Environment.GetEnvironmentVariable("CX_API_KEY");
if (string.IsNullOrEmpty(apiKey))
{
    Console.Error.WriteLine("Set CX_API_KEY to an admin key.");
    return 2;
}

var recorder = new RecordingHandler { InnerHandler = new HttpClientHandler() };
using var http = new HttpClient(recorder) { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/") };
http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
var api = new CxApiClient(http);
var flow = new Flow(recorder, Environment.GetEnvironmentVariable("CX_FLOW_KEEP_GOING") == "1");

var run = $"{DateTimeOffset.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
var now = DateTimeOffset.UtcNow;
// The records fall in one week well inside the period; the weeks around it are empty buckets of the trend.
var answeredAt = now.AddDays(-14);
var from = now.AddDays(-42);
var to = now;
var team = $"nswag-{run}";

Survey nps = null!, csat = null!, sus = null!;
Interaction ticket = null!;
var npsResponseIds = new List<string>();
var allResponseIds = new List<string>();

await flow.Step("create an NPS survey (channel web)", async () =>
{
    var created = await api.CreateSurveyAsync(new CreateSurveyRequest
    {
        Name = $"NSwag NPS {run}",
        Kind = SurveyKind.Nps,
        Question = "How likely are you to recommend us?",
        Channel = Channel.Web,
    });
    Check.Status(created, 201);
    nps = created.Result;
    Check.That(nps.Kind == SurveyKind.Nps && nps.Scale.Min == 0 && nps.Scale.Max == 10, "an NPS survey has the 0–10 scale", nps);
    Check.That(nps.Channel == Channel.Web, "the channel is stored", nps);
    Check.Header(created, "Location", $"/v1/surveys/{nps.Id}");
});

await flow.Step("create a CSAT survey (channel email)", async () =>
{
    var created = await api.CreateSurveyAsync(new CreateSurveyRequest { Name = $"NSwag CSAT {run}", Kind = SurveyKind.Csat, Channel = Channel.Email });
    Check.Status(created, 201);
    csat = created.Result;
    Check.That(csat.Kind == SurveyKind.Csat && csat.Scale.Min == 1 && csat.Scale.Max == 5, "a CSAT survey has the 1–5 scale", csat);
});

await flow.Step("create a SUS survey without a channel: nothing is sent for it and none is stored", async () =>
{
    var created = await api.CreateSurveyAsync(new CreateSurveyRequest { Name = $"NSwag SUS {run}", Kind = SurveyKind.Sus });
    sus = created.Result;
    Check.Status(created, 201);
    Check.BodyLacks(recorder, "channel");
    var read = (await api.GetSurveyAsync(sus.Id)).Result;
    Check.That(read.Kind == SurveyKind.Sus, "it is a SUS survey", read);
    Check.Json(read, "channel", null);
});

await flow.Step("create an interaction: 201 with ETag \"1\"", async () =>
{
    var created = await api.CreateInteractionAsync(new CreateInteractionRequest
    {
        ExternalId = $"nswag-{run}",
        CustomerId = $"c-{run}",
        Channel = Channel.Chat,
        Type = "support",
        Status = InteractionStatus.Open,
        OpenedAt = answeredAt.AddHours(-2),
        FirstResponseAt = answeredAt.AddHours(-2).AddMinutes(5),
        ContactCount = 1,
        Escalated = false,
        Team = team,
        Region = "emea",
    });
    Check.Status(created, 201);
    ticket = created.Result;
    Check.That(ticket.Status == InteractionStatus.Open && ticket.Team == team, "the interaction is stored as sent", ticket);
    Check.Header(created, "ETag", "\"1\"");
});

await flow.Step("NPS responses are categorised", async () =>
{
    var categories = new List<NpsCategory?>();
    foreach (var (score, index) in new[] { 10, 9, 3 }.Select((s, i) => (s, i)))
    {
        var created = await api.CreateResponseAsync(new CreateResponseRequest
        {
            SurveyId = nps.Id,
            Score = score,
            Channel = index == 2 ? Channel.Email : Channel.Web,
            Region = "emea",
            RespondedAt = answeredAt.AddMinutes(index),
            ExternalId = $"nswag-{run}-nps-{index}",
            CustomerId = $"c-{run}",
            InteractionId = index == 0 ? ticket?.Id : null,
        }, idempotency_Key: $"nswag-{run}-nps-{index}");
        Check.Status(created, 201);
        Check.Header(created, "Location", $"/v1/responses/{created.Result.Id}");
        categories.Add(created.Result.Category);
        npsResponseIds.Add(created.Result.Id);
    }
    Check.That(categories.SequenceEqual(new NpsCategory?[] { NpsCategory.Promoter, NpsCategory.Promoter, NpsCategory.Detractor }),
        "10 and 9 are promoters, 3 a detractor", categories);
    allResponseIds.AddRange(npsResponseIds);
});

await flow.Step("CSAT responses carry no NPS category", async () =>
{
    foreach (var (score, index) in new[] { 5, 4, 2 }.Select((s, i) => (s, i)))
    {
        var created = await api.CreateResponseAsync(new CreateResponseRequest
        {
            SurveyId = csat.Id,
            Score = score,
            Channel = Channel.Email,
            Region = "emea",
            RespondedAt = answeredAt.AddMinutes(index),
            ExternalId = $"nswag-{run}-csat-{index}",
        });
        Check.Status(created, 201);
        Check.Json(created.Result, "category", null);
        allResponseIds.Add(created.Result.Id);
    }
});

await flow.Step("a SUS response (ten answers, no channel) is scored and stored without a channel", async () =>
{
    var created = await api.CreateResponseAsync(new CreateResponseRequest
    {
        SurveyId = sus.Id,
        Answers = [5, 1, 5, 1, 5, 1, 5, 1, 5, 1],
        RespondedAt = answeredAt,
        ExternalId = $"nswag-{run}-sus",
    });
    Check.Status(created, 201);
    Check.BodyLacks(recorder, "channel");
    Check.That(created.Result.SusScore is 100.0, "all-best answers score 100", created.Result);
    Check.Json(created.Result, "channel", null);
    allResponseIds.Add(created.Result.Id);
});

BatchResult? firstBatch = null;
var batchKey = $"nswag-{run}-batch";
ResponseBatch Batch() => new()
{
    Items = [.. new[] { 8, 7, 10 }.Select((score, i) => new CreateResponseRequest
    {
        SurveyId = nps.Id, Score = score, Channel = Channel.Chat, Region = "apac", RespondedAt = answeredAt.AddHours(1 + i),
        ExternalId = $"nswag-{run}-batch-{i}",
    })],
};
await flow.Step("a batch under an Idempotency-Key stores every item", async () =>
{
    var result = await api.CreateResponseBatchAsync(Batch(), idempotency_Key: batchKey);
    Check.Status(result, 200);
    firstBatch = result.Result;
    Check.That(firstBatch.Created == 3 && firstBatch.Failed == 0 && firstBatch.Results.All(r => r.Status == BatchItemStatus.Created && r.Id != null),
        "3 created, 0 failed", firstBatch);
    npsResponseIds.AddRange(firstBatch.Results.Select(r => r.Id!));
    allResponseIds.AddRange(firstBatch.Results.Select(r => r.Id!));
});

await flow.Step("the same batch and key again replays the first result", async () =>
{
    var replay = await api.CreateResponseBatchAsync(Batch(), idempotency_Key: batchKey);
    Check.Status(replay, 200);
    Check.Header(replay, "Idempotent-Replayed", "true");
    Check.That(JsonSerializer.Serialize(replay.Result) == JsonSerializer.Serialize(firstBatch), "the same body as the first time",
        new { first = firstBatch, replay = replay.Result });
});

await flow.Step("a list page and its cursor", async () =>
{
    var first = await api.ListResponsesAsync(surveyId: [nps.Id], limit: 4);
    Check.Status(first, 200);
    Check.That(first.Result.Items.Count == 4 && first.Result.NextCursor is { Length: > 0 }, "4 items and a cursor", first.Result);
    var second = await api.ListResponsesAsync(surveyId: [nps.Id], limit: 4, cursor: first.Result.NextCursor);
    Check.Status(second, 200);
    Check.That(second.Result.Items.Count == 2 && second.Result.NextCursor == null, "the last 2 items and no cursor", second.Result);
    var seen = first.Result.Items.Concat(second.Result.Items).Select(r => r.Id).ToHashSet();
    Check.That(seen.SetEquals(npsResponseIds), "the two pages hold each NPS response once", new { seen, npsResponseIds });
});

await flow.Step("a review to measure", async () =>
{
    var created = await api.CreateReviewAsync(new CreateReviewRequest
    {
        Source = $"nswag-{run}",
        Rating = 4,
        PublishedAt = answeredAt,
        Title = "Good",
        Region = "emea",
        ExternalId = $"nswag-{run}-review",
    });
    Check.Status(created, 201);
});

await flow.Step("GET /v1/metrics/nps?groupBy=channel", async () =>
{
    var report = (await api.GetNpsAsync(from: Time.Of(from), to: Time.Of(to), surveyId: [nps.Id], groupBy: SurveyMetricGroupBy.Channel)).Result;
    Check.That(report.Responses == 6 && report.Promoters == 3 && report.Detractors == 1 && report.Passives == 2, "6 responses: 3 / 2 / 1", report);
    Check.That(report.Value is { } v && Math.Abs(v - 100.0 * (3 - 1) / 6) < 0.01, "NPS is (3 − 1) / 6 × 100", report.Value);
    Check.That(report.GroupBy == "channel" && Keys(report.Groups, g => g.Key).SetEquals(["web", "email", "chat"]), "a group per channel", report.Groups);
});

await flow.Step("GET /v1/metrics/csat?groupBy=region", async () =>
{
    var report = (await api.GetCsatAsync(from: Time.Of(from), to: Time.Of(to), surveyId: [csat.Id], groupBy: SurveyMetricGroupBy.Region)).Result;
    Check.That(report.Responses == 3 && report.Satisfied == 2, "3 responses, 2 satisfied", report);
    Check.That(Keys(report.Groups, g => g.Key).SetEquals(["emea"]), "one group, emea", report.Groups);
});

await flow.Step("GET /v1/metrics/ces?groupBy=channel (no data: value null)", async () =>
{
    var report = (await api.GetCesAsync(from: Time.Of(from), to: Time.Of(to), surveyId: [csat.Id], groupBy: SurveyMetricGroupBy.Channel)).Result;
    Check.That(report.Responses == 0 && report.Value == null && report.Groups != null, "no responses, value null, groups listed", report);
});

await flow.Step("GET /v1/metrics/sus?groupBy=channel (one group without a channel)", async () =>
{
    var report = (await api.GetSusAsync(from: Time.Of(from), to: Time.Of(to), surveyId: [sus.Id], groupBy: SurveyMetricGroupBy.Channel)).Result;
    Check.That(report.Responses == 1 && report.Value is 100.0, "one response scoring 100", report);
    Check.That(report.Groups is [{ Key: null }], "one group whose key is null", report.Groups);
});

await flow.Step("GET /v1/metrics/rating?groupBy=region (no data)", async () =>
{
    var report = (await api.GetRatingAsync(from: Time.Of(from), to: Time.Of(to), surveyId: [nps.Id], groupBy: SurveyMetricGroupBy.Region)).Result;
    Check.That(report.Responses == 0 && report.Value == null && report.Groups != null, "no responses, value null, groups listed", report);
});

await flow.Step("GET /v1/metrics/reviews?groupBy=region", async () =>
{
    var report = (await api.GetReviewMetricsAsync(from: Time.Of(from), to: Time.Of(to), source: [$"nswag-{run}"], groupBy: ReviewMetricGroupBy.Region)).Result;
    Check.That(report.Count == 1 && report.Average is 4.0, "one review, average 4", report);
    Check.That(Keys(report.Groups, g => g.Key).SetEquals(["emea"]), "one group, emea", report.Groups);
});

await flow.Step("GET /v1/metrics/interactions?groupBy=channel", async () =>
{
    var report = (await api.GetInteractionMetricsAsync(from: Time.Of(from), to: Time.Of(to), team: [team], groupBy: InteractionMetricGroupBy.Channel)).Result;
    Check.That(report.Count == 1, "one interaction", report);
    Check.That(Keys(report.Groups, g => g.Key).SetEquals(["chat"]), "one group, chat", report.Groups);
});

await flow.Step("an NPS trend (weekly) has empty buckets with value null", async () =>
{
    var trend = (await api.GetNpsTrendAsync(from: Time.Of(from), to: Time.Of(to), surveyId: [nps.Id])).Result;
    Check.That(trend.Interval == "week" && trend.Points.Count >= 6, "weekly points across six weeks", trend);
    Check.That(trend.Points.Sum(p => p.Responses) == 6, "the points hold all 6 responses", trend.Points);
    Check.That(trend.Points.Any(p => p.Responses == 0 && p.Value == null), "some buckets are empty, with value null", trend.Points);
    Check.That(trend.Series == null, "no series without groupBy", trend.Series);
});

await flow.Step("an NPS trend with groupBy=channel has a series per channel", async () =>
{
    var trend = (await api.GetNpsTrendAsync(from: Time.Of(from), to: Time.Of(to), surveyId: [nps.Id], groupBy: SurveyMetricGroupBy.Channel)).Result;
    Check.That(Keys(trend.Series, s => s.Key).SetEquals(["web", "email", "chat"]), "a series per channel", trend.Series);
});

await flow.Step("the summary", async () =>
{
    var summary = (await api.GetSummaryAsync(from: Time.Of(from), to: Time.Of(to), surveyId: [nps.Id])).Result;
    var item = summary.Metrics.FirstOrDefault(m => m.Metric == "nps");
    Check.That(item is { N: 6 }, "NPS over 6 responses", summary);
});

await flow.Step("the drivers of NPS by team", async () =>
{
    var report = (await api.GetDriversAsync(metric: DriverMetric.Nps, factor: DriverFactor.Team, from: Time.Of(from), to: Time.Of(to), surveyId: [nps.Id])).Result;
    Check.That(report.Metric == "nps" && report.Factor == "team", "the report names metric and factor", report);
    Check.That(report.LinkedResponses == 1 && report.UnlinkedResponses == 5, "1 response linked to an interaction, 5 not", report);
    Check.That(report.Buckets.Any(b => b.Responses == 1), "a bucket for the ticket's team", report.Buckets);
});

await flow.Step("the responses changes feed holds every response created here", async () =>
{
    var seen = new HashSet<string>();
    string? since = null;
    for (var page = 0; page < 200; page++)
    {
        var changes = (await api.GetResponseChangesAsync(since: since, limit: 1000)).Result;
        foreach (var change in changes.Changes.Where(c => c.Op == ChangeOp.Upsert))
        {
            seen.Add(change.Id);
        }
        since = changes.NextToken;
        if (!changes.HasMore)
        {
            break;
        }
    }
    Check.That(allResponseIds.All(seen.Contains), "each created response is an upsert in the feed", allResponseIds.Except(seen));
});

string? etag = null;
await flow.Step("GET the interaction: its ETag", async () =>
{
    var read = await api.GetInteractionAsync(ticket.Id);
    Check.Status(read, 200);
    etag = Check.Header(read, "ETag", "\"1\"");
});

string? nextEtag = null;
await flow.Step("PATCH it under If-Match: only the field set is sent, and the ETag moves on", async () =>
{
    var patched = await api.UpdateInteractionAsync(ticket.Id, new UpdateInteractionRequest { Team = team + "-t2" }, if_Match: etag);
    Check.Status(patched, 200);
    nextEtag = Check.Header(patched, "ETag", "\"2\"");
    Check.BodyIs(recorder, $$"""{"team":"{{team}}-t2"}""");
    Check.That(patched.Result.Team == team + "-t2" && patched.Result.Status == InteractionStatus.Open, "team changed, status kept", patched.Result);
});

await flow.Step("the stale If-Match again is a 412 problem", async () =>
{
    var error = await Check.Throws<CxApiException>(() => api.UpdateInteractionAsync(ticket.Id, new UpdateInteractionRequest { Escalated = true }, if_Match: etag));
    Check.That(error.StatusCode == 412, "status 412", error.StatusCode);
    var typed = error as CxApiException<ProblemDetails>;
    Check.That(typed != null, "the 412 is a declared response, read as ProblemDetails", error.Message);
    Check.That(typed!.Result.Status == 412 && typed.Result.AdditionalProperties.TryGetValue("currentETag", out var current)
        && current?.ToString() == nextEtag, $"the problem names the current ETag {nextEtag}", typed.Result.AdditionalProperties);
});

await flow.Step("a score off the scale is a 400 read as validation problem details", async () =>
{
    var error = await Check.Throws<CxApiException>(() => api.CreateResponseAsync(new CreateResponseRequest
    {
        SurveyId = nps.Id,
        Score = 11,
        Channel = Channel.Web,
        RespondedAt = answeredAt,
    }));
    var typed = error as CxApiException<HttpValidationProblemDetails>;
    Check.That(typed != null, "the 400 is read as HttpValidationProblemDetails", $"{error.GetType().Name} {error.StatusCode}: {error.Response}");
    Check.That(typed!.StatusCode == 400 && typed.Result.Status == 400, "status 400", typed.Result);
    Check.That(typed.Result.Errors.TryGetValue("score", out var messages) && messages.Count > 0, "errors name the score", typed.Result.Errors);
});

return flow.Finish();

static HashSet<string?> Keys<T>(IEnumerable<T>? items, Func<T, string?> key) => items == null ? [] : items.Select(key).ToHashSet();

internal static class Time
{
    /// <summary>A query timestamp: RFC 3339 with its offset, as the API requires.</summary>
    public static string Of(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
