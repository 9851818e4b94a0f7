using CxApi.Common.Json;

namespace CxApi.Features.Services;

/// <summary>JSON Merge Patch of a service (its key stays: records name it).</summary>
public sealed record UpdateServiceRequest(
    Optional<string?> Name = default,
    Optional<int?> Tier = default,
    Optional<bool?> CustomerFacing = default,
    Optional<string?> Team = default);
