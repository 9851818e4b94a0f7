using System.Security.Claims;

namespace CxApi.Common.Auth;

/// <summary>The API key behind the current request, and what it may see.</summary>
public sealed record Caller(string KeyId, ApiKeyRole Role, string? Partner)
{
    public const string KeyIdClaim = "cx:key", RoleClaim = "cx:role", PartnerClaim = "cx:partner";

    /// <summary>
    /// The client that owns the records this key writes: its partner (so a partner's keys share records and
    /// externalIds across rotation) or, without one, the key itself.
    /// </summary>
    public string ClientId => ClientIdOf(KeyId, Partner);

    /// <summary>Admin and read keys see every record; ingest keys only their client's.</summary>
    public bool SeesAllRecords => Role != ApiKeyRole.Ingest;

    public static string ClientIdOf(string keyId, string? partner) => partner is null ? $"key:{keyId}" : $"partner:{partner}";

    public IEnumerable<Claim> ToClaims()
    {
        yield return new Claim(KeyIdClaim, KeyId);
        yield return new Claim(RoleClaim, EnumText<ApiKeyRole>.ToText(Role));
        if (Partner is not null) yield return new Claim(PartnerClaim, Partner);
    }

    public static Caller? From(ClaimsPrincipal user) =>
        user.FindFirstValue(KeyIdClaim) is { } keyId && EnumText<ApiKeyRole>.TryParse(user.FindFirstValue(RoleClaim), out var role)
            ? new Caller(keyId, role, user.FindFirstValue(PartnerClaim))
            : null;
}
