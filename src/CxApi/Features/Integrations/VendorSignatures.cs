using System.Security.Cryptography;
using System.Text;

namespace CxApi.Features.Integrations;

/// <summary>
/// Each vendor's signature of a delivery: an HMAC-SHA256 of the raw body, keyed with the shared secret (its UTF-8 bytes),
/// compared in constant time.
/// </summary>
public static class VendorSignatures
{
    public const string PagerDutyHeader = "X-PagerDuty-Signature", GitHubHeader = "X-Hub-Signature-256", TypeformHeader = "Typeform-Signature";

    /// <summary>
    /// <c>X-PagerDuty-Signature: v1=&lt;hex&gt;[,v1=&lt;hex&gt;…]</c>: one signature per secret the subscription holds (several
    /// while a secret is rotated); any <c>v1</c> one that matches passes.
    /// </summary>
    public static bool PagerDutyMatches(string? header, string secret, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(header)) return false;
        var expected = Mac(secret, body);
        var matched = false;
        foreach (var signature in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            matched |= signature.StartsWith("v1=", StringComparison.Ordinal) && HexEquals(signature[3..], expected);
        return matched;
    }

    /// <summary><c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c>.</summary>
    public static bool GitHubMatches(string? header, string secret, ReadOnlySpan<byte> body) =>
        header is not null && header.StartsWith("sha256=", StringComparison.Ordinal) && HexEquals(header[7..], Mac(secret, body));

    /// <summary><c>Typeform-Signature: sha256=&lt;base64&gt;</c>.</summary>
    public static bool TypeformMatches(string? header, string secret, ReadOnlySpan<byte> body)
    {
        if (header is null || !header.StartsWith("sha256=", StringComparison.Ordinal)) return false;
        var given = new byte[32];
        return Convert.TryFromBase64String(header[7..], given, out var length) && length == given.Length
               && CryptographicOperations.FixedTimeEquals(given, Mac(secret, body));
    }

    private static byte[] Mac(string secret, ReadOnlySpan<byte> body) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);

    private static bool HexEquals(string hex, byte[] expected)
    {
        if (hex.Length != expected.Length * 2) return false;
        var given = new byte[expected.Length];
        return Convert.FromHexString(hex, given, out _, out var written) == System.Buffers.OperationStatus.Done && written == given.Length
               && CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
