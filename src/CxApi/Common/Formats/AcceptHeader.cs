using Microsoft.Net.Http.Headers;

namespace CxApi.Common.Formats;

public static class AcceptHeader
{
    /// <summary>
    /// True when the client's <c>Accept</c> names <paramref name="mediaType"/> with a quality above zero and at least
    /// that of JSON. Without an <c>Accept</c>, or with only wildcards, the answer is JSON.
    /// </summary>
    public static bool Prefers(HttpRequest request, string mediaType)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)) return false;
        double? wanted = null, json = null;
        foreach (var value in accepted)
        {
            var quality = value.Quality ?? 1.0;
            if (value.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase)) wanted = Math.Max(wanted ?? 0, quality);
            else if (value.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)) json = Math.Max(json ?? 0, quality);
        }
        return wanted > 0 && wanted >= (json ?? 0);
    }
}
