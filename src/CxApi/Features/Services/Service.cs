namespace CxApi.Features.Services;

public sealed record Service(
    string Id,
    string Key,
    string Name,
    int Tier,
    bool CustomerFacing,
    string? Team,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
