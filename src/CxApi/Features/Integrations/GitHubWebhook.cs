using CxApi.Common.OpenApi;
using System.Text.Json.Serialization;

namespace CxApi.Features.Integrations;

/// <summary>
/// A GitHub webhook delivery: a <c>deployment_status</c> event (<c>X-GitHub-Event: deployment_status</c>), or the
/// <c>ping</c> GitHub sends when the webhook is created (<c>zen</c>, <c>hook_id</c>). Only the members CxApi reads are
/// described; GitHub sends more.
/// </summary>
[VendorPayload]
public sealed record GitHubWebhook(
    string? Action,
    [property: JsonPropertyName("deployment_status")] GitHubDeploymentStatus? DeploymentStatus,
    GitHubDeployment? Deployment,
    GitHubRepository? Repository,
    string? Zen = null,
    [property: JsonPropertyName("hook_id")] long? HookId = null);
