using CxApi.Common.OpenApi;
using System.Text.Json.Serialization;

namespace CxApi.Features.Integrations;

/// <summary>The deployment the status is about: which commit went to which environment, and when it was requested.</summary>
[VendorPayload]
public sealed record GitHubDeployment(
    long? Id,
    string? Sha,
    string? Ref,
    string? Task,
    string? Environment,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt);
