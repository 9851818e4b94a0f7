using CxApi.Common.OpenApi;

namespace CxApi.Features.Integrations;

/// <summary>The question an answer belongs to.</summary>
[VendorPayload]
public sealed record TypeformAnswerField(string? Id, string? Type, string? Ref);
