using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace CxApi.Tests.Integration.Alerts;

/// <summary>A real HTTP endpoint (Kestrel on 127.0.0.1, a free port) that records every webhook delivery it is sent.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    /// <summary>One request as it arrived; <paramref name="AnsweredWith"/> is 0 when the receiver never answered it.</summary>
    public sealed record Delivery(string Id, string Timestamp, string Signature, string Body, int AnsweredWith, DateTimeOffset ReceivedAt);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Delivery> _received = new();
    private int _count;

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public IReadOnlyList<Delivery> Received => [.. _received];

    /// <summary>
    /// Starts listening; <paramref name="status"/> picks the answer to the n-th request (1-based), 204 by default.
    /// A receiver that <paramref name="hangs"/> records each request and never answers it (until the sender gives up).
    /// </summary>
    public static async Task<WebhookReceiver> StartAsync(Func<int, int>? status = null, bool hangs = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var answer = hangs ? 0 : (status ?? (_ => 204))(Interlocked.Increment(ref receiver._count));
            receiver._received.Enqueue(new Delivery(
                request.Headers["webhook-id"].ToString(), request.Headers["webhook-timestamp"].ToString(),
                request.Headers["webhook-signature"].ToString(), body, answer, DateTimeOffset.UtcNow));
            if (hangs) await Task.Delay(Timeout.Infinite, request.HttpContext.RequestAborted);
            return Results.StatusCode(answer);
        });
        await app.StartAsync();
        receiver.Url = app.Urls.First() + "/hook";
        return receiver;
    }

    /// <summary>Waits until at least <paramref name="count"/> deliveries arrived (fails after a generous timeout).</summary>
    public Task<IReadOnlyList<Delivery>> WaitForAsync(int count, int seconds = 60) =>
        WaitUntilAsync(received => received.Count >= count, $"{count} webhook deliveries", seconds);

    /// <summary>Waits until what arrived satisfies <paramref name="done"/> (fails after a generous timeout).</summary>
    public async Task<IReadOnlyList<Delivery>> WaitUntilAsync(Func<IReadOnlyList<Delivery>, bool> done, string expected, int seconds = 60)
    {
        for (var waited = 0; ; waited += 50)
        {
            var received = Received;
            if (done(received)) return received;
            Assert.True(waited < seconds * 1000, $"not {expected} within {seconds} s: {received.Count} deliveries arrived");
            await Task.Delay(50);
        }
    }

    /// <summary>Checks a delivery's signature as a receiver would: HMAC-SHA256 with the base64 key after <c>whsec_</c>.</summary>
    public static bool SignatureVerifies(Delivery delivery, string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{delivery.Id}.{delivery.Timestamp}.{delivery.Body}")));
        return delivery.Signature.Split(' ').Any(s => s == $"v1,{expected}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
