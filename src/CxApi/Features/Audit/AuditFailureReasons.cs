namespace CxApi.Features.Audit;

/// <summary>Why a caller was refused, as an aggregated failure's <c>reason</c>.</summary>
public static class AuditFailureReasons
{
    public const string MissingKey = "missing_key";
    public const string UnknownKey = "unknown_key";
    public const string RevokedKey = "revoked_key";
    public const string ExpiredKey = "expired_key";
    public const string BadSignature = "bad_signature";
}
