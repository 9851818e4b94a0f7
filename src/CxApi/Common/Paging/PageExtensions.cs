using Microsoft.AspNetCore.WebUtilities;

namespace CxApi.Common.Paging;

public static class PageExtensions
{
    /// <summary>
    /// Takes one row more than the page to learn whether another page follows, and converts the
    /// rows the caller sees.
    /// </summary>
    public static Page<TOut> ToPage<TIn, TOut>(this List<TIn> rows, int limit, Func<TIn, Cursor> position, Func<TIn, TOut> map)
    {
        var hasMore = rows.Count > limit;
        if (hasMore) rows.RemoveAt(rows.Count - 1);
        var next = hasMore ? position(rows[^1]).Encode() : null;
        return new Page<TOut>(rows.ConvertAll(r => map(r)), next);
    }

    /// <summary>Adds <c>Link: &lt;...&gt;; rel="next"</c> with the same query and the next cursor.</summary>
    public static void AddNextLink<T>(this HttpResponse response, Page<T> page)
    {
        if (page.NextCursor is null) return;
        var request = response.HttpContext.Request;
        var query = request.Query
            .Where(q => !string.Equals(q.Key, "cursor", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
            .Append(KeyValuePair.Create("cursor", (string?)page.NextCursor));
        var url = QueryHelpers.AddQueryString($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}", query);
        response.Headers.Append("Link", $"<{url}>; rel=\"next\"");
    }
}
