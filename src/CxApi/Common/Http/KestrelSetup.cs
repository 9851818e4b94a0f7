namespace CxApi.Common.Http;

public static class KestrelSetup
{
    /// <summary>Bytes the server reads from a connection ahead of the application (Kestrel's default is 1 MB).</summary>
    public const long ReadAhead = 64 * 1024;

    /// <summary>
    /// Kestrel reads and discards ("drains") the unread body of a refused request so that the client, still sending,
    /// gets the answer; past this size it closes the connection instead. Each endpoint's own limit is the smaller
    /// one <see cref="BodySizeLimitMiddleware"/> holds.
    /// </summary>
    public const long DrainedAtMost = 2 * BodySizeLimit.Batch;

    /// <summary>
    /// No <c>Server</c> header (it tells an attacker what to look up). A small read-ahead: a connection whose body
    /// nobody reads yet (its request is being authenticated) holds 64 KB of Kestrel's pooled memory, not 1 MB,
    /// and the pool keeps what it once held.
    /// </summary>
    public static WebApplicationBuilder ConfigureCxKestrel(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = DrainedAtMost;
            kestrel.Limits.MaxRequestBufferSize = ReadAhead;
        });
        builder.WebHost.UseSockets(sockets => sockets.MaxReadBufferSize = ReadAhead);
        return builder;
    }
}
