namespace CxApi.Features.Services;

/// <summary>A service to add: <c>key</c> (unique, the value records name in <c>service</c>), <c>name</c> and <c>tier</c> are required; <c>customerFacing</c> defaults to true.</summary>
public sealed record CreateServiceRequest(string? Key, string? Name, int? Tier, bool? CustomerFacing = null, string? Team = null);
