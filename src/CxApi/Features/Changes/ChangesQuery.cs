using System.ComponentModel;

namespace CxApi.Features.Changes;

/// <summary><c>since</c>: a token from an earlier answer (none: from the beginning); <c>limit</c>: at most this many changes (default 500).</summary>
public sealed record ChangesQuery(string? Since, [property: DefaultValue(ChangesQuery.DefaultLimit)] int? Limit)
{
    public const int DefaultLimit = 500;
    public int PageSize => Limit ?? DefaultLimit;
    public long After => ChangeToken.TryDecode(Since, out var seq) ? seq : -1;
}
