using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace CxApi.Common.Paging;

/// <summary>
/// Keyset position in a newest-first list: the last item's own time and id. Opaque to callers
/// (base64url), stable under inserts because it names a position, not an offset.
/// </summary>
public readonly record struct Cursor(long TimeMicros, string Id)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{TimeMicros.ToString(CultureInfo.InvariantCulture)}|{Id}"));

    public static bool TryDecode(string? text, out Cursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 200) return false;
        try
        {
            var raw = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
            var bar = raw.IndexOf('|');
            if (bar <= 0 || bar == raw.Length - 1) return false;
            if (!long.TryParse(raw.AsSpan(0, bar), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var time)) return false;
            cursor = new Cursor(time, raw[(bar + 1)..]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
