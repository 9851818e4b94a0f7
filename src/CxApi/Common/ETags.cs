using Microsoft.Net.Http.Headers;

namespace CxApi.Common;

public static class ETags
{
    public static string ForVersion(int version) => $"\"{version}\"";

    /// <summary>True when there is no <c>If-Match</c>, it is <c>*</c>, or one of its tags equals <paramref name="current"/>.</summary>
    public static bool IfMatchAllows(HttpRequest request, string current)
    {
        var header = request.Headers.IfMatch;
        if (header.Count == 0) return true;
        if (!EntityTagHeaderValue.TryParseList(header, out var tags)) return false;
        var currentTag = EntityTagHeaderValue.Parse(current);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(currentTag, useStrongComparison: true));
    }
}
