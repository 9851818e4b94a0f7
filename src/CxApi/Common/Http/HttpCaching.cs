namespace CxApi.Common.Http;

/// <summary>Endpoint metadata: a GET whose 200 carries an <c>ETag</c> and this <c>Cache-Control</c>, and answers a matching <c>If-None-Match</c> with 304.</summary>
public sealed record HttpCaching(string CacheControl)
{
    /// <summary>Any cache may keep it but must ask again (a 304 costs no body) before each use; shared caches must not keep it (it depends on the key).</summary>
    public static readonly HttpCaching Revalidate = new("private, no-cache");
}
