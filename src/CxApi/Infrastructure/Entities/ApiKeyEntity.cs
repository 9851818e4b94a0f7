using CxApi.Common;

namespace CxApi.Infrastructure.Entities;

public sealed class ApiKeyEntity
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public ApiKeyRole Role { get; init; }
    public string? Partner { get; init; }
    /// <summary>The first characters of the key, to recognise it in lists; the key itself is never stored.</summary>
    public required string Prefix { get; set; }
    /// <summary>SHA-256 of the whole key (hex). Keys carry ≥ 128 random bits, so a fast hash is safe.</summary>
    public required string Hash { get; set; }
    public long CreatedAtMicros { get; init; }
    public long? RevokedAtMicros { get; set; }
    public long? LastUsedAtMicros { get; set; }
    /// <summary>When the key stops working, whichever of its secrets is sent; null: never.</summary>
    public long? ExpiresAtMicros { get; init; }
    /// <summary>The hash of the secret the last rotation replaced, accepted until <see cref="PreviousHashExpiresAtMicros"/>.</summary>
    public string? PreviousHash { get; set; }
    public long? PreviousHashExpiresAtMicros { get; set; }
}
