using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace CxApi.Features.Changes;

/// <summary>A position in a resource's changes feed, opaque to clients (base64url of <c>c1:&lt;seq&gt;</c>).</summary>
public static class ChangeToken
{
    private const string Prefix = "c1:";

    public static string Encode(long seq) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + seq.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string? token, out long seq)
    {
        seq = -1;
        if (string.IsNullOrEmpty(token) || token.Length > 40) return false;
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            return text.StartsWith(Prefix, StringComparison.Ordinal)
                   && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out seq);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
