using CxApi.Common.OpenApi;
using System.Text.Json.Serialization;

namespace CxApi.Features.Integrations;

/// <summary>The incident as it is after the event (PagerDuty's <c>incident</c> event data).</summary>
[VendorPayload]
public sealed record PagerDutyIncident(
    string? Id,
    string? Type,
    [property: JsonPropertyName("html_url")] string? HtmlUrl,
    int? Number,
    string? Status,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt,
    string? Title,
    PagerDutyReference? Service,
    PagerDutyReference? Priority,
    string? Urgency);
