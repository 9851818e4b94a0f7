using CxApi.Common;
using CxApi.Infrastructure.Entities;
using CxApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using static CxApi.Tests.Integration.Integrations.IntegrationsFactory;

namespace CxApi.Tests.Integration.Integrations;

/// <summary>GitHub deployment_status webhooks (octokit/webhooks' samples), signed as GitHub signs them, become deployments.</summary>
public sealed class GitHubIntegrationTests(IntegrationsFactory factory) : IClassFixture<IntegrationsFactory>
{
    private readonly HttpClient _vendor = factory.CreateClient(apiKey: null);
    private readonly HttpClient _admin = factory.CreateClient();

    private Task<HttpResponseMessage> PostAsync(string body, string eventName = "deployment_status", string? delivery = null) =>
        _vendor.PostGitHubAsync(body, eventName, delivery ?? Guid.NewGuid().ToString(), VendorSamples.GitHubSignature(GitHubSecret, body));

    private static async Task<JsonElement> ReceiptAsync(HttpResponseMessage response, string outcome)
    {
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {json}");
        var receipt = JsonDocument.Parse(json).RootElement.Clone();
        Assert.Equal(outcome, receipt.GetProperty("outcome").GetString());
        return receipt;
    }

    private Task<List<DeploymentEntity>> DeploymentsAsync(string githubId) =>
        factory.WithDbAsync(db => db.Deployments.AsNoTracking().Where(d => d.ExternalId == githubId).ToListAsync());

    /// <summary>The published sample as another deployment: its id, and optionally its state and repository.</summary>
    private static (string Body, string Id) Deployment(string? state = null, string? repository = null)
    {
        var sample = VendorSamples.Node("github-deployment_status.json");
        var id = Random.Shared.NextInt64(1_000_000_000, 9_000_000_000);
        sample["deployment"]!["id"] = id;
        if (state is not null) sample["deployment_status"]!["state"] = state;
        if (repository is not null) sample["repository"]!["name"] = repository;
        return (sample.ToJsonString(), id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ThePublishedSuccessSampleStoresExactlyOneDeploymentAndAReplayNothingMore()
    {
        var body = VendorSamples.Read("github-deployment_status.json");
        var delivery = Guid.NewGuid().ToString();
        var receipt = await ReceiptAsync(await PostAsync(body, delivery: delivery), "created");

        var deployment = await _admin.GetOkAsync($"/v1/deployments/{receipt.GetProperty("id").GetString()}");
        Assert.Equal("Hello-World", deployment.GetProperty("service").GetString()); // unmapped: the repository's name
        Assert.Equal("production", deployment.GetProperty("environment").GetString());
        Assert.Equal("f95f852bd8fca8fcc58a9a2d6c842781e32a215e", deployment.GetProperty("version").GetString());
        Assert.Equal("deploy", deployment.GetProperty("kind").GetString());
        Assert.Equal("success", deployment.GetProperty("result").GetString());
        Assert.Equal("2019-05-15T15:20:53Z", deployment.GetProperty("startedAt").GetString());
        Assert.Equal("2019-05-15T15:20:55Z", deployment.GetProperty("finishedAt").GetString());
        Assert.Equal("145988746", deployment.GetProperty("externalId").GetString());
        Assert.Equal(JsonValueKind.Null, deployment.GetProperty("url").ValueKind); // target_url is ""
        Assert.Equal("partner:github", Assert.Single(await DeploymentsAsync("145988746")).ClientId);

        var replay = await ReceiptAsync(await PostAsync(body, delivery: delivery), "duplicate");
        Assert.Equal(receipt.GetProperty("id").GetString(), replay.GetProperty("id").GetString());
        Assert.Single(await DeploymentsAsync("145988746"));
    }

    [Theory]
    [InlineData("failure")]
    [InlineData("error")]
    public async Task AFailedDeploymentIsRecordedAsFailed(string state)
    {
        var (body, id) = Deployment(state);
        await ReceiptAsync(await PostAsync(body), "created");
        Assert.Equal(DeploymentResult.Failed, Assert.Single(await DeploymentsAsync(id)).Result);
    }

    [Fact]
    public async Task ARepositoryMappedInTheSettingsNamesItsService()
    {
        var (body, id) = Deployment(repository: MappedRepository);
        await ReceiptAsync(await PostAsync(body), "created");
        Assert.Equal("checkout-web", Assert.Single(await DeploymentsAsync(id)).Service);
    }

    [Fact]
    public async Task PingAndStatesThatEndNoDeploymentAreAnsweredAndStoreNothing()
    {
        var before = await factory.CountAsync<DeploymentEntity>();
        var deliveries = await factory.DeliveriesAsync("github");
        await ReceiptAsync(await PostAsync(VendorSamples.Read("github-ping.json"), "ping"), "ignored");
        await ReceiptAsync(await PostAsync(VendorSamples.Read("github-deployment_status-in_progress.json")), "ignored");
        await ReceiptAsync(await PostAsync(Deployment("queued").Body), "ignored");
        await ReceiptAsync(await PostAsync(Deployment().Body, eventName: "push"), "ignored");
        Assert.Equal(before, await factory.CountAsync<DeploymentEntity>());
        Assert.Equal(deliveries, await factory.DeliveriesAsync("github"));
    }

    [Fact]
    public async Task AWrongSignatureIs401AndStoresNothing()
    {
        var (body, id) = Deployment();
        await (await _vendor.PostGitHubAsync(body, "deployment_status", Guid.NewGuid().ToString(), VendorSamples.GitHubSignature("not-the-secret", body)))
            .AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await _vendor.PostGitHubAsync(body, "deployment_status", Guid.NewGuid().ToString(), null)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        // The PagerDuty form of the signature is not GitHub's.
        await (await _vendor.PostGitHubAsync(body, "deployment_status", Guid.NewGuid().ToString(), VendorSamples.PagerDutySignature(GitHubSecret, body)))
            .AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Empty(await DeploymentsAsync(id));
    }

    [Fact]
    public async Task ADeploymentStatusWithoutADeliveryIdIs400()
    {
        var (body, id) = Deployment();
        var response = await _vendor.PostGitHubAsync(body, "deployment_status", null, VendorSamples.GitHubSignature(GitHubSecret, body));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "X-GitHub-Delivery");
        Assert.Empty(await DeploymentsAsync(id));
    }

    [Fact]
    public async Task ASecondFinalStatusOfOneDeploymentUnderAnotherDeliveryStoresNothingNew()
    {
        var (body, id) = Deployment();
        var first = await ReceiptAsync(await PostAsync(body), "created");
        var node = JsonNode.Parse(body)!;
        node["deployment_status"]!["state"] = "error";
        var second = await ReceiptAsync(await PostAsync(node.ToJsonString()), "duplicate");
        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        Assert.Equal(DeploymentResult.Success, Assert.Single(await DeploymentsAsync(id)).Result);
    }
}
