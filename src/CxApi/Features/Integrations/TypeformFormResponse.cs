using CxApi.Common.OpenApi;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxApi.Features.Integrations;

/// <summary>One response to a typeform: its form, its <c>token</c> (the response's own id), when it was submitted, its hidden fields and answers.</summary>
[VendorPayload]
public sealed record TypeformFormResponse(
    [property: JsonPropertyName("form_id")] string? FormId,
    string? Token,
    [property: JsonPropertyName("submitted_at")] DateTimeOffset? SubmittedAt,
    IReadOnlyDictionary<string, JsonElement>? Hidden,
    TypeformDefinition? Definition,
    IReadOnlyList<TypeformAnswer>? Answers);
