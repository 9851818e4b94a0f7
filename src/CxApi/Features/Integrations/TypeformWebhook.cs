using CxApi.Common.OpenApi;
using System.Text.Json.Serialization;

namespace CxApi.Features.Integrations;

/// <summary>A Typeform webhook delivery: one submitted response (<c>event_type: form_response</c>). Typeform sends more than is described.</summary>
[VendorPayload]
public sealed record TypeformWebhook(
    [property: JsonPropertyName("event_id")] string? EventId,
    [property: JsonPropertyName("event_type")] string? EventType,
    [property: JsonPropertyName("form_response")] TypeformFormResponse? FormResponse);
