using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Features.Responses;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Ingest;
using CxApi.Infrastructure.Rollups;
using CxApi.Tests.Support;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;

namespace CxApi.Tests.Integration;

/// <summary>A write the database refuses fails its own request only, wherever it is stored.</summary>
public sealed class IngestIsolationTests(VanishingInteractionFactory factory) : IClassFixture<VanishingInteractionFactory>
{
    private static readonly string Past = Api.Time(DateTimeOffset.UtcNow.AddHours(-1));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AResponseWhoseInteractionIsDeletedMeanwhileIsA409ForItsSenderWhileAnotherPartnersPostsSucceed(bool idempotent)
    {
        var (survey, sender, bystander) = await SetUpAsync();
        var interaction = (await sender.PostOkAsync("/v1/interactions", new { channel = "chat", type = "support", openedAt = Past, status = "open" })).Id();
        var linked = new { surveyId = survey, score = 2, respondedAt = Past, interactionId = interaction };
        var key = $"vanish-{Guid.NewGuid():N}";

        var plain = Enumerable.Range(0, 40).Select(i => bystander.PostAsJsonAsync("/v1/responses", new { surveyId = survey, score = 1 + i % 5, respondedAt = Past })).ToList();
        var answer = await PostAsync(sender, "/v1/responses", linked, idempotent ? key : null);

        var problem = await answer.AssertProblemAsync(HttpStatusCode.Conflict, "interactionId");
        Assert.Contains(interaction, problem.GetProperty("errors").GetProperty("interactionId")[0].GetString());
        Assert.All(await Task.WhenAll(plain), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Empty(await sender.ListAllAsync($"/v1/responses?surveyId={survey}"));
        Assert.Equal(40, (await bystander.ListAllAsync($"/v1/responses?surveyId={survey}")).Count);
        Assert.Equal(HttpStatusCode.NotFound, (await sender.GetAsync($"/v1/interactions/{interaction}")).StatusCode);
        if (idempotent)
        {
            var replay = await PostAsync(sender, "/v1/responses", linked, key);
            await replay.AssertProblemAsync(HttpStatusCode.Conflict, "interactionId");
            Assert.True(replay.Headers.Contains("Idempotent-Replayed"));
        }
        await AssertRollupsConsistentAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ABatchItemWhoseInteractionIsDeletedMeanwhileIsInvalidAndTheOtherItemsAreStored(bool idempotent)
    {
        var (survey, sender, _) = await SetUpAsync();
        var interaction = (await sender.PostOkAsync("/v1/interactions", new { channel = "chat", type = "support", openedAt = Past, status = "open" })).Id();
        var stored = await sender.PostOkAsync("/v1/responses", new { surveyId = survey, score = 5, respondedAt = Past, externalId = "stored" });
        object[] items =
        [
            new { surveyId = survey, score = 1, respondedAt = Past },
            new { surveyId = survey, score = 2, respondedAt = Past, interactionId = interaction },
            new { surveyId = survey, score = 3, respondedAt = Past, externalId = "twice" },
            new { surveyId = survey, score = 4, respondedAt = Past, externalId = "twice" },
            new { surveyId = survey, score = 4, respondedAt = Past, externalId = "stored" },
        ];

        var answer = await PostAsync(sender, "/v1/responses/batch", new { items }, idempotent ? $"batch-{Guid.NewGuid():N}" : null);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var body = await answer.JsonAsync();
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["created", "invalid", "created", "duplicate", "duplicate"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.Contains(interaction, results[1].GetProperty("errors").GetProperty("items[1].interactionId")[0].GetString());
        Assert.Equal(results[2].Id(), results[3].Id());
        Assert.Equal(stored.Id(), results[4].Id());
        Assert.Equal((2, 3), (body.GetProperty("created").GetInt32(), body.GetProperty("failed").GetInt32()));
        var ids = (await sender.ListAllAsync($"/v1/responses?surveyId={survey}")).Select(r => r.Id()).ToHashSet();
        Assert.Equal(new HashSet<string> { stored.Id(), results[0].Id(), results[2].Id() }, ids);
        await AssertRollupsConsistentAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ALargeBatchKeepsEveryItemsOutcomeWhenOneIsRefusedAndOthersDuplicate(bool idempotent)
    {
        // Large enough for PostgreSQL's staged path (a temporary table, then one INSERT ... SELECT).
        var (survey, sender, _) = await SetUpAsync();
        var interaction = (await sender.PostOkAsync("/v1/interactions", new { channel = "chat", type = "support", openedAt = Past, status = "open" })).Id();
        var stored = await sender.PostOkAsync("/v1/responses", new { surveyId = survey, score = 5, respondedAt = Past, externalId = "stored" });
        var items = Enumerable.Range(0, 300).Select(i => (object)new { surveyId = survey, score = 1 + i % 5, respondedAt = Past, externalId = $"item-{i}" }).ToList();
        items[10] = new { surveyId = survey, score = 2, respondedAt = Past, interactionId = interaction };
        items[20] = new { surveyId = survey, score = 4, respondedAt = Past, externalId = "stored" };
        items[30] = new { surveyId = survey, score = 4, respondedAt = Past, externalId = "item-0" };

        var answer = await PostAsync(sender, "/v1/responses/batch", new { items }, idempotent ? $"batch-{Guid.NewGuid():N}" : null);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var body = await answer.JsonAsync();
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal("invalid", results[10].GetProperty("status").GetString());
        Assert.Equal(("duplicate", stored.Id()), (results[20].GetProperty("status").GetString(), results[20].Id()));
        Assert.Equal(("duplicate", results[0].Id()), (results[30].GetProperty("status").GetString(), results[30].Id()));
        Assert.Equal((297, 3), (body.GetProperty("created").GetInt32(), body.GetProperty("failed").GetInt32()));
        var listed = await sender.ListAllAsync($"/v1/responses?surveyId={survey}", 1000);
        Assert.Equal(298, listed.Count);
        Assert.Equal(results.Where(r => r.GetProperty("status").GetString() == "created").Select(r => r.Id()).Append(stored.Id()).ToHashSet(),
            listed.Select(r => r.Id()).ToHashSet());
        // The sender's changes feed holds its own records only: each stored one once, with a number of its own.
        var changes = (await sender.GetOkAsync("/v1/changes/responses?limit=1000")).GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(listed.Select(r => r.Id()).Order(), changes.Select(c => c.GetProperty("id").GetString()).Order());
        Assert.Equal(298, changes.Select(c => c.GetProperty("seq").GetInt64()).Distinct().Count());
        await AssertRollupsConsistentAsync();
    }

    [Fact]
    public async Task AGroupCommitStoresItsHealthyRecordsInOneCommitAndGivesARefusedRecordItsOwnOutcome()
    {
        var (survey, sender, _) = await SetUpAsync();
        var interaction = (await sender.PostOkAsync("/v1/interactions", new { channel = "chat", type = "support", openedAt = Past, status = "open" })).Id();
        var caller = new Caller("group-commit-test", ApiKeyRole.Ingest, $"p-{Guid.NewGuid():N}");
        ResponseEntity Response(string? interactionId = null, string? externalId = null) =>
            new CreateResponseRequest(survey, Score: 3, InteractionId: interactionId, RespondedAt: DateTimeOffset.UtcNow.AddHours(-1), ExternalId: externalId)
                .ToEntity(SurveyKind.Csat, caller, 0);
        var stored = Response(externalId: "stored");
        await factory.WithDbAsync(db => factory.Services.GetRequiredService<RecordIngest>().InsertAsync(db, stored, CancellationToken.None));
        List<ResponseEntity> records =
        [
            Response(), Response(interactionId: "deleted-meanwhile"), Response(interactionId: interaction),
            Response(externalId: "x"), Response(externalId: "x"), Response(externalId: "stored"),
        ];

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CxDbContext>();
        using var counter = new CommitCounter(db);
        var outcomes = await Task.WhenAll(await scope.ServiceProvider.GetRequiredService<IngestUnitOfWork>().StoreAsync(db, records, RefusalScope.Record, CancellationToken.None));

        Assert.Equal(1, counter.Commits);
        Assert.Equal(
            [
                InsertOutcome.Stored, new InsertOutcome.MissingReference("interactionId", "interaction", "deleted-meanwhile"), InsertOutcome.Stored,
                InsertOutcome.Stored, new InsertOutcome.Duplicate(records[3].Id), new InsertOutcome.Duplicate(stored.Id),
            ], outcomes);
        var ids = records.Select(r => r.Id).ToList();
        var written = await factory.WithDbAsync(db => db.Responses.Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.ChangeSeq }).ToListAsync());
        Assert.Equal(new[] { records[0].Id, records[2].Id, records[3].Id }.Order(), written.Select(r => r.Id).Order());
        Assert.Equal(3, written.Select(r => r.ChangeSeq).Distinct().Count());
        await AssertRollupsConsistentAsync();
    }

    [PostgresFact]
    public async Task ATextPostgreSqlCannotStoreFailsOnlyItsOwnRequest()
    {
        var (survey, sender, bystander) = await SetUpAsync();

        var plain = Enumerable.Range(0, 40).Select(i => bystander.PostAsJsonAsync("/v1/responses", new { surveyId = survey, score = 1 + i % 5, respondedAt = Past })).ToList();
        var answer = await sender.PostAsJsonAsync("/v1/responses", new { surveyId = survey, score = 3, respondedAt = Past, comment = "nul \u0000 byte" });

        Assert.False(answer.IsSuccessStatusCode);
        Assert.All(await Task.WhenAll(plain), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Empty(await sender.ListAllAsync($"/v1/responses?surveyId={survey}"));
        await AssertRollupsConsistentAsync();
    }

    [Fact]
    public async Task DeletingAnInteractionARaceLinkedResponseRatesIsA409ThatChangesNoRollupAndWritesNoTombstone()
    {
        var (survey, sender, _) = await SetUpAsync();
        var interaction = (await sender.PostOkAsync("/v1/interactions", new { channel = "chat", type = "support", openedAt = Past, status = "open" })).Id();
        var response = await factory.WithDbAsync(async db =>
        {
            // Linked directly, as a concurrent request that won the race would have.
            var linked = new CreateResponseRequest(survey, Score: 4, InteractionId: interaction, RespondedAt: DateTimeOffset.UtcNow.AddHours(-1))
                .ToEntity(SurveyKind.Csat, new Caller("k", ApiKeyRole.Ingest, "race"), 0);
            await factory.Services.GetRequiredService<RecordIngest>().InsertAsync(db, linked, CancellationToken.None);
            return linked.Id;
        });
        Assert.Equal(["upsert"], await ChangesOfAsync(sender, interaction));

        await (await sender.DeleteAsync($"/v1/interactions/{interaction}")).AssertProblemAsync(HttpStatusCode.Conflict);

        await sender.GetOkAsync($"/v1/interactions/{interaction}");
        Assert.Equal(["upsert"], await ChangesOfAsync(sender, interaction));
        await AssertRollupsConsistentAsync();

        await factory.WithDbAsync(db => db.DeleteAsync(db.Responses, response, CancellationToken.None));
        Assert.Equal(HttpStatusCode.NoContent, (await sender.DeleteAsync($"/v1/interactions/{interaction}")).StatusCode);
        Assert.Equal(["delete"], await ChangesOfAsync(sender, interaction));
        await AssertRollupsConsistentAsync();
    }

    /// <summary>The operations the changes feed lists for one interaction.</summary>
    private static async Task<List<string?>> ChangesOfAsync(HttpClient client, string interaction) =>
        (await client.GetOkAsync("/v1/changes/interactions?limit=1000")).GetProperty("changes").EnumerateArray()
            .Where(c => c.GetProperty("id").GetString() == interaction).Select(c => c.GetProperty("op").GetString()).ToList();

    private async Task<(string Survey, HttpClient Sender, HttpClient Bystander)> SetUpAsync()
    {
        var survey = await factory.CreateClient().CreateSurveyAsync("csat");
        var run = Guid.NewGuid().ToString("N");
        var sender = factory.CreateClient((await factory.CreateKeyAsync("ingest", $"sender-{run}")).Key);
        var bystander = factory.CreateClient((await factory.CreateKeyAsync("ingest", $"bystander-{run}")).Key);
        return (survey, sender, bystander);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request);
    }

    private async Task AssertRollupsConsistentAsync()
    {
        var differences = await factory.WithDbAsync(db => RollupStore.VerifyAsync(db, CancellationToken.None));
        Assert.All(differences, d => Assert.Equal(0, d.Value));
    }
}
