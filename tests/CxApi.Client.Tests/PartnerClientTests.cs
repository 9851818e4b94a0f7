using CxApi.Infrastructure.Entities;
using CxApi.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;

namespace CxApi.Client.Tests;

/// <summary>
/// What a partner's .NET service does with the generated client, against the real server on Kestrel (a real socket, a
/// real HttpClient) over its own database: the operator sets up a survey and the partner's key, the partner posts a
/// batch under an <c>Idempotency-Key</c> and, after a lost answer, sends it again, and the operator reads the NPS.
/// </summary>
public sealed class PartnerClientTests : IDisposable
{
    private readonly CxApiFactory _server = new();
    private readonly List<HttpClient> _clients = [];
    private readonly Uri _baseAddress;

    public PartnerClientTests()
    {
        _server.UseKestrel(0);
        _server.StartServer();
        var addresses = _server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        _baseAddress = new Uri(addresses.Addresses.First());
    }

    [Fact]
    public async Task APartnersBatchUnderAnIdempotencyKeyIsStoredOnceAndItsReplayStoresNothingNew()
    {
        var admin = Connect(CxApiFactory.AdminKey);
        var survey = (await admin.CreateSurveyAsync(new CreateSurveyRequest { Name = "Acme support NPS", Kind = SurveyKind.Nps })).Result;
        var key = (await admin.CreateApiKeyAsync(new CreateApiKeyRequest { Name = "Acme feedback sync", Role = ApiKeyRole.Ingest, Partner = "acme" })).Result;
        var acme = Connect(key.Key!);

        var answeredAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).AddHours(-3);
        ResponseBatch Batch(params int[] scores) => new()
        {
            Items = [.. scores.Select((score, i) => new CreateResponseRequest
            {
                SurveyId = survey.Id,
                Score = score,
                Channel = Channel.Email,
                RespondedAt = answeredAt.AddMinutes(i),
                ExternalId = $"acme-{i + 1}",
            })],
        };

        var first = await acme.CreateResponseBatchAsync(Batch(10, 9, 3), idempotency_Key: "acme-sync-2026-12-03");
        Assert.Equal(200, first.StatusCode);
        Assert.Null(Header(first, "Idempotent-Replayed"));
        Assert.Equal((3, 0), (first.Result.Created, first.Result.Failed));
        Assert.All(first.Result.Results, item => Assert.Equal(BatchItemStatus.Created, item.Status));
        var ids = first.Result.Results.Select(item => item.Id).ToList();
        Assert.Equal(3, await StoredResponsesAsync());

        var replay = await acme.CreateResponseBatchAsync(Batch(10, 9, 3), idempotency_Key: "acme-sync-2026-12-03");
        Assert.Equal(200, replay.StatusCode);
        Assert.Equal("true", Header(replay, "Idempotent-Replayed"));
        Assert.Equal((3, 0), (replay.Result.Created, replay.Result.Failed));
        Assert.Equal(ids, replay.Result.Results.Select(item => item.Id));
        Assert.Equal(3, await StoredResponsesAsync());

        var reused = await Assert.ThrowsAsync<CxApiException<ProblemDetails>>(
            () => acme.CreateResponseBatchAsync(Batch(1), idempotency_Key: "acme-sync-2026-12-03"));
        Assert.Equal(422, reused.StatusCode);
        Assert.Equal(3, await StoredResponsesAsync());

        var nps = (await admin.GetNpsAsync(from: Time(answeredAt.AddDays(-1)), to: Time(answeredAt.AddDays(1)), surveyId: [survey.Id])).Result;
        Assert.Equal((3L, 2L, 0L, 1L), (nps.Responses, nps.Promoters, nps.Passives, nps.Detractors));
        Assert.Equal(100.0 * (2 - 1) / 3, nps.Value!.Value, precision: 6);
    }

    [Fact]
    public async Task TheFiveLinesInTheReadmeStoreAResponseAndReadTheNps()
    {
        var surveyId = (await Connect(CxApiFactory.AdminKey).CreateSurveyAsync(new CreateSurveyRequest { Name = "Support NPS", Kind = SurveyKind.Nps })).Result.Id;

        // docs/clients-and-contract.md, "The .NET client": the same lines, with this server's address and key.
        using var http = new HttpClient { BaseAddress = _baseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", CxApiFactory.AdminKey);
        var cx = new CxApi.Client.CxApiClient(http);
        var stored = await cx.CreateResponseAsync(new() { SurveyId = surveyId, Score = 9, RespondedAt = DateTimeOffset.UtcNow });
        var nps = (await cx.GetNpsAsync(surveyId: [surveyId])).Result;   // nps.Value, nps.Ci95, nps.Responses

        Assert.Equal(201, stored.StatusCode);
        Assert.Equal(NpsCategory.Promoter, stored.Result.Category);
        Assert.Equal((1L, 100.0), (nps.Responses, nps.Value));
    }

    /// <summary>A partner's client, as docs/clients-and-contract.md builds one: a base address, the key header, the client.</summary>
    private CxApiClient Connect(string apiKey)
    {
        var http = new HttpClient { BaseAddress = _baseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        _clients.Add(http);
        return new CxApiClient(http);
    }

    private Task<int> StoredResponsesAsync() => _server.CountAsync<ResponseEntity>();

    private static string? Header(SwaggerResponse response, string name) =>
        response.Headers.FirstOrDefault(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.Single();

    private static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        foreach (var client in _clients) client.Dispose();
        _server.Dispose();
    }
}
