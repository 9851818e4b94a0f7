using CxApi.Tests.Support;
using FluentValidation;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace CxApi.Tests.Integration;

/// <summary>One partner's failing write never fails another's: the race of issue 11 on a real server process.</summary>
[Trait("Category", "Slow")]
public sealed class IngestRaceTests(ITestOutputHelper output)
{
    private static readonly string Past = Api.Time(DateTimeOffset.UtcNow.AddHours(-1));

    [Fact]
    public async Task LinkedResponsesRacingDeletesOfTheirInteractionsNeverFailAnotherPartnersPosts()
    {
        var path = CxApiFactory.NewDatabasePath();
        try
        {
            await using var server = await ServerProcess.StartAsync(path);
            using var admin = server.Client();
            var survey = await admin.CreateSurveyAsync("csat");
            using var racer = server.Client(await IngestKeyAsync(admin, "racer"));
            using var bystander = server.Client(await IngestKeyAsync(admin, "bystander"));

            const int interactions = 160;
            var created = await racer.PostBatchAsync("/v1/interactions/batch", Enumerable.Range(0, interactions)
                .Select(i => new { channel = "chat", type = "support", openedAt = Past, status = "open", externalId = $"race-{i}" }));
            var ids = created.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();

            var bystanderAnswers = new ConcurrentBag<(HttpStatusCode Status, string Body)>();
            using var raceOver = new CancellationTokenSource();
            var bystanders = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !raceOver.IsCancellationRequested; i++)
                {
                    var response = await bystander.PostAsJsonAsync("/v1/responses",
                        new { surveyId = survey, score = 1 + i % 5, respondedAt = Past, externalId = $"bystander-{w}-{i}" });
                    bystanderAnswers.Add((response.StatusCode, response.IsSuccessStatusCode ? "" : await response.Content.ReadAsStringAsync()));
                }
            })).ToList();

            // Each interaction: a response linked to it (single, idempotent or in a batch) and its delete, sent at once.
            var racerAnswers = new ConcurrentBag<Answer>();
            await Parallel.ForEachAsync(Enumerable.Range(0, interactions), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            {
                var linked = new { surveyId = survey, score = 1 + i % 5, respondedAt = Past, interactionId = ids[i] };
                var insert = (i % 4) switch
                {
                    0 => SendAsync(racer, ids[i], "batch", HttpMethod.Post, "/v1/responses/batch",
                        new { items = new object[] { linked, new { surveyId = survey, score = 3, respondedAt = Past } } }),
                    1 => SendAsync(racer, ids[i], "idempotent", HttpMethod.Post, "/v1/responses", linked, idempotencyKey: $"race-{i}"),
                    _ => SendAsync(racer, ids[i], "single", HttpMethod.Post, "/v1/responses", linked),
                };
                var delete = SendAsync(racer, ids[i], "delete", HttpMethod.Delete, $"/v1/interactions/{ids[i]}");
                foreach (var answer in await Task.WhenAll(insert, delete)) racerAnswers.Add(answer);
            });
            await raceOver.CancelAsync();
            await Task.WhenAll(bystanders);

            output.WriteLine($"bystander: {Tally(bystanderAnswers.Select(a => a.Status))}; racer: " +
                             string.Join(", ", racerAnswers.GroupBy(a => a.Kind).Select(g => $"{g.Key} {Tally(g.Select(a => a.Status))}")));
            var failedBystanders = bystanderAnswers.Where(a => a.Status != HttpStatusCode.Created).ToList();
            Assert.True(failedBystanders.Count == 0,
                $"{failedBystanders.Count} of {bystanderAnswers.Count} plain posts of the other partner failed: {Tally(failedBystanders.Select(a => a.Status))}, " +
                $"e.g. {failedBystanders.FirstOrDefault().Body}\n{server.Output}");
            var wrong = racerAnswers.Where(a => !a.IsExpected()).ToList();
            Assert.True(wrong.Count == 0, $"{wrong.Count} unexpected answers to the racing partner, e.g. {wrong.FirstOrDefault()}\n{server.Output}");

            // The database agrees with every answer: a deleted interaction has no response; a kept one has the one that won.
            var stored = (await racer.ListAllAsync($"/v1/responses?surveyId={survey}", 1000))
                .Select(r => r.TryGetProperty("interactionId", out var id) ? id.GetString() : null).OfType<string>().ToHashSet();
            foreach (var group in racerAnswers.GroupBy(a => a.InteractionId))
            {
                var deleted = group.Single(a => a.Kind == "delete").Status == HttpStatusCode.NoContent;
                Assert.True(deleted != stored.Contains(group.Key), $"interaction {group.Key}: {string.Join("; ", group)}");
                Assert.Equal(stored.Contains(group.Key), group.Single(a => a.Kind != "delete").LinkedResponseStored);
            }
            var check = await admin.GetOkAsync("/v1/admin/rollups/verify");
            Assert.True(check.GetProperty("consistent").GetBoolean(), check.ToString());
        }
        finally
        {
            CxApiFactory.DeleteDatabase(path);
        }
    }

    /// <summary>An answer to the racing partner: what it sent for which interaction, the status and the body.</summary>
    private sealed record Answer(string InteractionId, string Kind, HttpStatusCode Status, JsonElement Body)
    {
        private bool IsProblem => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("status", out var s) && s.GetInt32() == (int)Status;

        /// <summary>
        /// 2xx; for a delete, a 409 problem (a response names the interaction); for a linked response, a 409 problem
        /// on <c>interactionId</c> (deleted while it was written) or the 400 on it (deleted before it was validated).
        /// </summary>
        public bool IsExpected() => (Kind, Status) switch
        {
            ("delete", HttpStatusCode.NoContent) => true,
            ("delete", HttpStatusCode.Conflict) => IsProblem,
            ("batch", HttpStatusCode.OK) => Item(0) is var linked && Item(1).GetProperty("status").GetString() == "created"
                && (linked.GetProperty("status").GetString() == "created"
                    || linked.GetProperty("status").GetString() == "invalid" && linked.GetProperty("errors").TryGetProperty("items[0].interactionId", out _)),
            (_, HttpStatusCode.Created) => true,
            (_, HttpStatusCode.BadRequest or HttpStatusCode.Conflict) =>
                IsProblem && Body.TryGetProperty("errors", out var errors) && errors.TryGetProperty("interactionId", out _),
            _ => false,
        };

        public bool LinkedResponseStored => Kind == "batch"
            ? Status == HttpStatusCode.OK && Item(0).GetProperty("status").GetString() == "created"
            : Status == HttpStatusCode.Created;

        private JsonElement Item(int index) => Body.GetProperty("results")[index];

        public override string ToString() => $"{Kind} {(int)Status} {Body}";
    }

    private static async Task<Answer> SendAsync(HttpClient client, string interactionId, string kind, HttpMethod method, string url,
        object? body = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return new Answer(interactionId, kind, response.StatusCode, json);
    }

    private static string Tally(IEnumerable<HttpStatusCode> statuses) =>
        string.Join(" ", statuses.GroupBy(s => (int)s).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));

    private static async Task<string> IngestKeyAsync(HttpClient admin, string partner) =>
        (await admin.PostOkAsync("/v1/api-keys", new { name = partner, role = "ingest", partner })).GetProperty("key").GetString()!;
}
