using CxApi.Common.OpenApi;

namespace CxApi.Features.Integrations;

/// <summary>A question of the form: its <c>id</c>, its readable <c>ref</c> and its type (<c>opinion_scale</c>, <c>rating</c>, <c>long_text</c>, …).</summary>
[VendorPayload]
public sealed record TypeformField(string? Id, string? Title, string? Type, string? Ref);
