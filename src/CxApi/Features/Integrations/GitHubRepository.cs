using CxApi.Common.OpenApi;
using System.Text.Json.Serialization;

namespace CxApi.Features.Integrations;

/// <summary>The repository deployed: its <c>name</c> picks the service.</summary>
[VendorPayload]
public sealed record GitHubRepository(
    string? Name,
    [property: JsonPropertyName("full_name")] string? FullName,
    [property: JsonPropertyName("html_url")] string? HtmlUrl);
