using CxApi.Common.OpenApi;

namespace CxApi.Features.Integrations;

/// <summary>One answer: its question (<c>field</c>), its type and the value in the member of that name (<c>number</c>, <c>text</c>, …).</summary>
[VendorPayload]
public sealed record TypeformAnswer(string? Type, TypeformAnswerField? Field, double? Number = null, string? Text = null);
