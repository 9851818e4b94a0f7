using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace CxApi.Common.Http;

/// <summary>
/// Holds a request body to its endpoint's limit (256 KB unless it says otherwise) while it streams, without
/// buffering it: a declared <c>Content-Length</c> over the limit is refused before a byte is read, and a body that
/// turns out longer (chunked) fails on the first read past the limit. Both are answered with a 413 problem.
/// It runs after authentication and rate limiting, so the body of a caller who is not admitted is never read.
/// </summary>
public sealed class BodySizeLimitMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, IProblemDetailsService problems)
    {
        if (http.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            await next(http);
            return;
        }

        var limit = http.GetEndpoint()?.Metadata.GetMetadata<BodySizeLimit>()?.Bytes ?? BodySizeLimit.OneRecord;
        if (http.Request.ContentLength > limit)
        {
            await TooLargeAsync(http, problems, limit);
            return;
        }
        http.Request.Body = new LimitedReadStream(http.Request.Body, limit);
        try
        {
            await next(http);
        }
        catch (RequestBodyTooLargeException) when (!http.Response.HasStarted)
        {
            http.Response.Clear();
            await TooLargeAsync(http, problems, limit);
        }
    }

    private static async Task TooLargeAsync(HttpContext http, IProblemDetailsService problems, long limit)
    {
        http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Request body too large",
                Detail = $"This endpoint accepts bodies of at most {limit / 1024} KB; split the data into smaller requests or batches.",
            },
        });
    }

    /// <summary>
    /// Not an <see cref="IOException"/>: the body binders swallow those into an empty 400, and this must reach the
    /// middleware that answers it, through any reader of the body (binding, the idempotency hash).
    /// </summary>
    private sealed class RequestBodyTooLargeException() : Exception("The request body is larger than the endpoint's limit.");

    /// <summary>Reads the body through, failing on the first byte past <c>limit</c>.</summary>
    private sealed class LimitedReadStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await inner.ReadAsync(buffer[..Wanted(buffer.Length)], cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, Wanted(count)));

        /// <summary>Never more than one byte past the limit: that byte is enough to know the body is too large.</summary>
        private int Wanted(int count) => (int)Math.Min(count, limit - _read + 1);

        private int Counted(int read)
        {
            _read += read;
            return _read > limit ? throw new RequestBodyTooLargeException() : read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
