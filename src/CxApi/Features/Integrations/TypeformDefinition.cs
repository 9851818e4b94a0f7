using CxApi.Common.OpenApi;

namespace CxApi.Features.Integrations;

/// <summary>The form's questions, which give each answer's field its <c>ref</c> when the answer does not carry it.</summary>
[VendorPayload]
public sealed record TypeformDefinition(string? Id, string? Title, IReadOnlyList<TypeformField>? Fields);
