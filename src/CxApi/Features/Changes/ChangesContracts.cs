using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace CxApi.Features.Changes;

public enum ChangeOp { Upsert, Delete }

/// <summary>
/// One change: <c>upsert</c> carries the <c>record</c> as it is now (created or updated), <c>delete</c> its id and <c>deletedAt</c>.
/// <c>token</c> resumes the feed right after this change.
/// </summary>
public sealed record Change<TRecord>(
    long Seq,
    string Token,
    ChangeOp Op,
    string Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TRecord? Record,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? DeletedAt) where TRecord : class;

/// <summary>
/// Changes after the token, oldest first. <c>nextToken</c> is where to continue (also when nothing changed);
/// <c>hasMore</c> says whether to ask again at once.
/// </summary>
public sealed record ChangePage<TRecord>(IReadOnlyList<Change<TRecord>> Changes, string NextToken, bool HasMore) where TRecord : class;

/// <summary>The last line of an NDJSON feed: where to continue.</summary>
public sealed record ChangeCheckpoint(string Op, string NextToken, bool HasMore);

/// <summary><c>since</c>: a token from an earlier answer (none: from the beginning); <c>limit</c>: at most this many changes (default 500).</summary>
public sealed record ChangesQuery(string? Since, int? Limit)
{
    public const int DefaultLimit = 500;
    public int PageSize => Limit ?? DefaultLimit;
    public long After => ChangeToken.TryDecode(Since, out var seq) ? seq : -1;
}

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
