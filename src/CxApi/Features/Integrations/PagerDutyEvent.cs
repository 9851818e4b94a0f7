using CxApi.Common.OpenApi;
using System.Text.Json.Serialization;

namespace CxApi.Features.Integrations;

/// <summary>What happened (<c>event_type</c>, e.g. <c>incident.acknowledged</c>), when, and to what (<c>data</c>: the incident).</summary>
[VendorPayload]
public sealed record PagerDutyEvent(
    string? Id,
    [property: JsonPropertyName("event_type")] string? EventType,
    [property: JsonPropertyName("resource_type")] string? ResourceType,
    [property: JsonPropertyName("occurred_at")] DateTimeOffset? OccurredAt,
    PagerDutyIncident? Data);
