using System.Diagnostics;
using System.Text;
using CxApi.Common;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CxApi.Features.Webhooks;

public sealed class WebhookOptions
{
    public const string Section = "Webhooks";
    /// <summary>Whether this instance delivers from the outbox (any instance may; each delivery is claimed by one).</summary>
    public bool DeliveryEnabled { get; set; } = true;
    /// <summary>How often the outbox is checked for due deliveries.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>The wait before the first retry; each further retry waits twice as long (up to <see cref="RetryMaxDelay"/>), with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);
    /// <summary>How long after the event a failing delivery is still retried before it is marked failed.</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromHours(24);
    /// <summary>How long one attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>Exponential backoff with "equal jitter": half the step is fixed, half random, so retries of many deliveries spread out.</summary>
public static class WebhookBackoff
{
    public static TimeSpan Delay(int failedAttempts, TimeSpan baseDelay, TimeSpan maxDelay, double random)
    {
        var step = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        var capped = Math.Min(step, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped / 2 + capped / 2 * random);
    }
}

/// <summary>
/// Delivers the outbox. Each due delivery is claimed with a lease (a conditional UPDATE, so one instance
/// sends it), POSTed with the Standard Webhooks headers, and its attempt recorded; a non-2xx answer or an
/// error schedules a retry with backoff until <see cref="WebhookOptions.RetryFor"/> has passed. A crash while
/// sending leaves the lease to expire and another attempt follows: delivery is at least once, and the
/// <c>webhook-id</c> stays the same so receivers can drop a repeat.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 16;
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>Looks at the outbox now instead of at the next poll (after this instance wrote to it).</summary>
    public void Nudge()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DeliveryEnabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DeliverDueAsync(stoppingToken) == BatchSize) { }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Webhook delivery pass failed; retrying at the next poll");
            }
            try
            {
                await _wake.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private sealed record Claimed(string Id, string Payload, int Attempts, long CreatedAtMicros, string Url, string Secret);

    /// <summary>Claims and sends up to one batch of due deliveries; returns how many it claimed.</summary>
    private async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        List<Claimed> claimed;
        var owner = Ids.New();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var deliveries = scope.ServiceProvider.GetRequiredService<CxDbContext>().Set<WebhookDeliveryEntity>();
            var now = UnixMicros.From(clock.GetUtcNow());
            var due = await deliveries.AsNoTracking()
                .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAtMicros <= now && d.LockedUntilMicros <= now)
                .OrderBy(d => d.NextAttemptAtMicros).Select(d => d.Id).Take(BatchSize).ToListAsync(ct);
            var lease = now + (long)(options.Value.Timeout + LeaseMargin).TotalMicroseconds;
            var mine = new List<string>(due.Count);
            foreach (var id in due)
                if (await deliveries.Where(d => d.Id == id && d.Status == DeliveryStatus.Pending && d.LockedUntilMicros <= now)
                        .ExecuteUpdateAsync(u => u.SetProperty(d => d.LockedUntilMicros, lease).SetProperty(d => d.LeaseOwner, owner), ct) == 1)
                    mine.Add(id);
            var db = scope.ServiceProvider.GetRequiredService<CxDbContext>();
            claimed = await deliveries.AsNoTracking().Where(d => mine.Contains(d.Id))
                .Join(db.Set<WebhookEntity>(), d => d.WebhookId, w => w.Id,
                    (d, w) => new Claimed(d.Id, d.Payload, d.Attempts, d.CreatedAtMicros, w.Url, w.Secret))
                .ToListAsync(ct);
        }
        await Task.WhenAll(claimed.Select(c => AttemptAsync(c, owner, ct)));
        return claimed.Count;
    }

    private async Task AttemptAsync(Claimed delivery, string owner, CancellationToken ct)
    {
        var attemptedAt = clock.GetUtcNow();
        var timestamp = attemptedAt.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.IdHeader, delivery.Id);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(delivery.Secret, delivery.Id, timestamp, delivery.Payload));
        request.Headers.UserAgent.ParseAdd("CxApi-Webhooks/1");

        int? status = null;
        string? error = null;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.Value.Timeout);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            status = (int)response.StatusCode;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return; // shutting down: the lease expires and the delivery is tried again
        }
        catch (OperationCanceledException)
        {
            error = $"no answer within {options.Value.Timeout.TotalSeconds:0.###} s";
        }
        catch (Exception e) // a network error, a refused TLS handshake, …: recorded and retried like a 5xx
        {
            error = e.Message.Length > 500 ? e.Message[..500] : e.Message;
        }
        await RecordAsync(delivery, owner, attemptedAt, status, error, stopwatch.Elapsed);
    }

    /// <summary>The attempt and the delivery's next state, in one transaction, only while this instance still holds the lease.</summary>
    private async Task RecordAsync(Claimed delivery, string owner, DateTimeOffset attemptedAt, int? status, string? error, TimeSpan took)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var succeeded = status is >= 200 and < 300;
        var attempts = delivery.Attempts + 1;
        var nextAt = now + WebhookBackoff.Delay(attempts, o.RetryBaseDelay, o.RetryMaxDelay, Random.Shared.NextDouble());
        // Retried until RetryFor has passed since the event: the last attempt is at or after that time.
        var givenUp = !succeeded && now >= UnixMicros.ToDateTimeOffset(delivery.CreatedAtMicros) + o.RetryFor;
        var next = succeeded ? DeliveryStatus.Delivered : givenUp ? DeliveryStatus.Failed : DeliveryStatus.Pending;
        long? deliveredAt = succeeded ? UnixMicros.From(now) : null;
        var nextMicros = UnixMicros.From(nextAt);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CxDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            var updated = await db.Set<WebhookDeliveryEntity>().Where(d => d.Id == delivery.Id && d.LeaseOwner == owner)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(d => d.Attempts, attempts)
                    .SetProperty(d => d.Status, next)
                    .SetProperty(d => d.LastStatusCode, status)
                    .SetProperty(d => d.DeliveredAtMicros, deliveredAt)
                    .SetProperty(d => d.NextAttemptAtMicros, nextMicros)
                    .SetProperty(d => d.LockedUntilMicros, 0L)
                    .SetProperty(d => d.LeaseOwner, (string?)null), CancellationToken.None);
            if (updated == 0) return; // the lease ran out and another instance took the delivery over
            db.Set<WebhookAttemptEntity>().Add(new WebhookAttemptEntity
            {
                Id = Ids.New(), DeliveryId = delivery.Id, Number = attempts, AttemptedAtMicros = UnixMicros.From(attemptedAt),
                StatusCode = status, Error = error, DurationMicros = (long)took.TotalMicroseconds,
            });
            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not record webhook delivery {DeliveryId}; its lease will expire and it is tried again", delivery.Id);
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _http.Dispose();
        _wake.Dispose();
    }
}
