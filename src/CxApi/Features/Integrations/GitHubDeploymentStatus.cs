using CxApi.Common.OpenApi;
using System.Text.Json.Serialization;

namespace CxApi.Features.Integrations;

/// <summary>The new status of a deployment: <c>state</c> (success, failure, error, or one CxApi ignores) and when it was set.</summary>
[VendorPayload]
public sealed record GitHubDeploymentStatus(
    long? Id,
    string? State,
    string? Environment,
    [property: JsonPropertyName("target_url")] string? TargetUrl,
    [property: JsonPropertyName("log_url")] string? LogUrl,
    [property: JsonPropertyName("environment_url")] string? EnvironmentUrl,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt);
