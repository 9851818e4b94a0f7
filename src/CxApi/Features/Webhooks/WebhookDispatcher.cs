using CxApi.Common;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;

namespace CxApi.Features.Webhooks;

/// <summary>
/// Delivers the outbox. Each due delivery is claimed with a lease (a conditional UPDATE, so one instance
/// sends it), POSTed with the Standard Webhooks headers, and its attempt recorded; a non-2xx answer or an
/// error schedules a retry with backoff until <see cref="WebhookOptions.RetryFor"/> has passed. A crash while
/// sending leaves the lease to expire and another attempt follows: delivery is at least once, and the
/// <c>webhook-id</c> stays the same so receivers can drop a repeat.
/// <para>
/// Every attempt runs on its own, bounded by <see cref="WebhookOptions.Timeout"/>, and a slot it frees is
/// refilled at once: a slow receiver delays nobody else's deliveries. One webhook holds at most
/// <see cref="WebhookOptions.MaxConcurrentAttemptsPerWebhook"/> of the slots, so a hanging receiver leaves the rest to
/// the others, and a delivery waiting for its retry holds none.
/// </para>
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes, WebhookSecrets secrets, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };
    private readonly SemaphoreSlim _wake = new(0);
    private readonly AttemptSlots _slots = new(options.Value.MaxConcurrentAttempts, options.Value.MaxConcurrentAttemptsPerWebhook);
    // Only the ExecuteAsync loop adds and prunes: it waits for these when the host stops.
    private readonly List<Task> _running = [];
    private readonly Channel<Outcome> _outcomes = System.Threading.Channels.Channel.CreateUnbounded<Outcome>(new UnboundedChannelOptions { SingleReader = true });
    private const int RecordBatchSize = 100;

    /// <summary>Looks at the outbox now instead of at the next poll (after this instance wrote to it, or freed a slot).</summary>
    public void Nudge()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    private void Tick()
    {
        try
        {
            Nudge();
        }
        catch (ObjectDisposedException)
        {
            // A tick racing a shutdown that gave up waiting for this loop: nothing is left to nudge.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DeliveryEnabled) return;
        var recorder = RecordOutcomesAsync();
        // The poll runs on the clock, as every due time does: a tick is a nudge, kept until the loop next waits.
        using var poll = clock.CreateTimer(_ => Tick(), null, options.Value.PollInterval, options.Value.PollInterval);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await StartDueAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Claiming due webhook deliveries failed; retrying at the next poll");
                }
                try
                {
                    await _wake.WaitAsync(stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
        finally
        {
            // Stopping cancels the attempts under way (their leases expire and they are tried again); let them end, and
            // record those that ended before.
            await Task.WhenAll(_running);
            _outcomes.Writer.Complete();
            await recorder;
        }
    }

    private sealed record Claimed(string Id, string WebhookId, string Payload, int Attempts, long CreatedAtMicros, string Url, string ProtectedSecret);

    /// <summary>Claims due deliveries while this instance has free slots, and starts an attempt for each.</summary>
    private async Task StartDueAsync(CancellationToken ct)
    {
        _running.RemoveAll(t => t.IsCompleted);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CxDbContext>();
        while (true)
        {
            var free = _slots.Free(out var full);
            if (free == 0) return;
            var now = UnixMicros.From(clock.GetUtcNow());
            // Webhooks that hold all the slots they may are left out, so the others' deliveries fill the free ones.
            var due = await db.Set<WebhookDeliveryEntity>().AsNoTracking()
                .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAtMicros <= now && d.LockedUntilMicros <= now && !full.Contains(d.WebhookId))
                .OrderBy(d => d.NextAttemptAtMicros).Take(free)
                .Select(d => new { d.Id, d.WebhookId })
                .ToListAsync(ct);
            if (due.Count == 0) return;
            var reserved = due.Where(d => _slots.TryTake(d.WebhookId)).ToList(); // up to what each webhook may still hold
            var started = new HashSet<string>();
            try
            {
                var owner = Ids.New();
                foreach (var delivery in await ClaimAsync(db, reserved.ConvertAll(d => d.Id), owner, ct))
                {
                    _running.Add(RunAttemptAsync(delivery, owner, ct));
                    started.Add(delivery.Id);
                }
            }
            finally
            {
                foreach (var delivery in reserved.Where(d => !started.Contains(d.Id))) _slots.Return(delivery.WebhookId);
            }
        }
    }

    /// <summary>
    /// Leases to <paramref name="owner"/>, in one statement, those of <paramref name="ids"/> that are still due (another
    /// instance may have taken some meanwhile), and reads what it leased.
    /// </summary>
    private async Task<List<Claimed>> ClaimAsync(CxDbContext db, List<string> ids, string owner, CancellationToken ct)
    {
        var now = UnixMicros.From(clock.GetUtcNow());
        var lease = now + (long)(options.Value.Timeout + LeaseMargin).TotalMicroseconds;
        var deliveries = db.Set<WebhookDeliveryEntity>();
        var leased = await deliveries
            .Where(d => ids.Contains(d.Id) && d.Status == DeliveryStatus.Pending && d.NextAttemptAtMicros <= now && d.LockedUntilMicros <= now)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.LockedUntilMicros, lease).SetProperty(d => d.LeaseOwner, owner), ct);
        if (leased == 0) return [];
        return await deliveries.AsNoTracking()
            .Where(d => ids.Contains(d.Id) && d.LeaseOwner == owner)
            .OrderBy(d => d.NextAttemptAtMicros)
            .Join(db.Set<WebhookEntity>(), d => d.WebhookId, w => w.Id,
                (d, w) => new Claimed(d.Id, d.WebhookId, d.Payload, d.Attempts, d.CreatedAtMicros, w.Url, w.ProtectedSecret))
            .ToListAsync(ct);
    }

    /// <summary>How one attempt ended: an answer's status, or an error.</summary>
    private sealed record Outcome(Claimed Delivery, string Owner, DateTimeOffset AttemptedAt, DateTimeOffset EndedAt, int? Status, string? Error);

    private async Task RunAttemptAsync(Claimed delivery, string owner, CancellationToken ct)
    {
        Outcome? outcome = null;
        try
        {
            await Task.Yield(); // off the claiming loop
            outcome = await AttemptAsync(delivery, owner, ct);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Webhook delivery {DeliveryId} failed before its attempt was recorded; its lease will expire and it is tried again", delivery.Id);
        }
        // The recorder frees the slot once the outcome is recorded; without one (stopping, or a failure above) the lease expires.
        if (outcome is null || !_outcomes.Writer.TryWrite(outcome)) Release(delivery.WebhookId);
    }

    private void Release(string webhookId)
    {
        _slots.Return(webhookId);
        Nudge();
    }

    /// <summary>Sends one attempt; null when the host is stopping (the lease then expires and the delivery is tried again).</summary>
    private async Task<Outcome?> AttemptAsync(Claimed delivery, string owner, CancellationToken ct)
    {
        var attemptedAt = clock.GetUtcNow();
        string secret;
        try
        {
            secret = secrets.Unprotect(delivery.ProtectedSecret);
        }
        catch (CryptographicException e)
        {
            logger.LogError(e, "The signing secret of webhook {WebhookId} cannot be decrypted: its Data Protection key is not in the key ring", delivery.WebhookId);
            return new Outcome(delivery, owner, attemptedAt, attemptedAt, null, "the signing secret could not be decrypted (its Data Protection key is missing)");
        }
        var timestamp = attemptedAt.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.IdHeader, delivery.Id);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, delivery.Id, timestamp, delivery.Payload));
        request.Headers.UserAgent.ParseAdd("CxApi-Webhooks/1");

        int? status = null;
        string? error = null;
        try
        {
            using var deadline = new CancellationTokenSource(options.Value.Timeout, clock);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            status = (int)response.StatusCode;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return null;
        }
        catch (OperationCanceledException)
        {
            error = $"no answer within {options.Value.Timeout.TotalSeconds:0.###} s";
        }
        catch (Exception e) // a network error, a refused TLS handshake, …: recorded and retried like a 5xx
        {
            error = e.Message.Length > 500 ? e.Message[..500] : e.Message;
        }
        return new Outcome(delivery, owner, attemptedAt, clock.GetUtcNow(), status, error);
    }

    /// <summary>
    /// Records outcomes as attempts end, all those waiting in one transaction, then frees their slots. One writer for
    /// the whole dispatcher: on SQLite, attempts ending together would otherwise each hold a thread waiting for the lock.
    /// </summary>
    private async Task RecordOutcomesAsync()
    {
        var batch = new List<Outcome>();
        while (await _outcomes.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < RecordBatchSize && _outcomes.Reader.TryRead(out var outcome)) batch.Add(outcome);
            await RecordAsync(batch);
            foreach (var outcome in batch) Release(outcome.Delivery.WebhookId);
            batch.Clear();
        }
    }

    /// <summary>Each attempt and its delivery's next state, in one transaction, for the deliveries whose lease this instance still holds.</summary>
    private async Task RecordAsync(List<Outcome> outcomes)
    {
        var o = options.Value;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CxDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            foreach (var (delivery, owner, attemptedAt, endedAt, status, error) in outcomes)
            {
                var succeeded = status is >= 200 and < 300;
                var attempts = delivery.Attempts + 1;
                var nextAt = UnixMicros.From(endedAt + WebhookBackoff.Delay(attempts, o.RetryBaseDelay, o.RetryMaxDelay, Random.Shared.NextDouble()));
                // Retried until RetryFor has passed since the event: the last attempt is at or after that time.
                var givenUp = !succeeded && endedAt >= UnixMicros.ToDateTimeOffset(delivery.CreatedAtMicros) + o.RetryFor;
                var next = succeeded ? DeliveryStatus.Delivered : givenUp ? DeliveryStatus.Failed : DeliveryStatus.Pending;
                long? deliveredAt = succeeded ? UnixMicros.From(endedAt) : null;
                var updated = await db.Set<WebhookDeliveryEntity>().Where(d => d.Id == delivery.Id && d.LeaseOwner == owner)
                    .ExecuteUpdateAsync(u => u
                        .SetProperty(d => d.Attempts, attempts)
                        .SetProperty(d => d.Status, next)
                        .SetProperty(d => d.LastStatusCode, status)
                        .SetProperty(d => d.DeliveredAtMicros, deliveredAt)
                        .SetProperty(d => d.NextAttemptAtMicros, nextAt)
                        .SetProperty(d => d.LockedUntilMicros, 0L)
                        .SetProperty(d => d.LeaseOwner, (string?)null), CancellationToken.None);
                if (updated == 0) continue; // the lease ran out and another instance took the delivery over
                db.Set<WebhookAttemptEntity>().Add(new WebhookAttemptEntity
                {
                    Id = Ids.New(),
                    DeliveryId = delivery.Id,
                    Number = attempts,
                    AttemptedAtMicros = UnixMicros.From(attemptedAt),
                    StatusCode = status,
                    Error = error,
                    DurationMicros = (long)(endedAt - attemptedAt).TotalMicroseconds,
                });
            }
            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not record {Count} webhook delivery attempts; their leases will expire and they are tried again", outcomes.Count);
        }
    }

    /// <summary>The attempts under way on this instance: at most <c>total</c>, of which one webhook holds at most <c>perWebhook</c>.</summary>
    private sealed class AttemptSlots(int total, int perWebhook)
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<string, int> _byWebhook = [];
        private int _taken;

        /// <summary>How many slots are free, and which webhooks hold all they may.</summary>
        public int Free(out List<string> full)
        {
            lock (_lock)
            {
                full = [.. _byWebhook.Where(w => w.Value >= perWebhook).Select(w => w.Key)];
                return total - _taken;
            }
        }

        public bool TryTake(string webhookId)
        {
            lock (_lock)
            {
                var held = _byWebhook.GetValueOrDefault(webhookId);
                if (_taken >= total || held >= perWebhook) return false;
                _byWebhook[webhookId] = held + 1;
                _taken++;
                return true;
            }
        }

        public void Return(string webhookId)
        {
            lock (_lock)
            {
                _taken--;
                if (--_byWebhook[webhookId] == 0) _byWebhook.Remove(webhookId);
            }
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _http.Dispose();
        _wake.Dispose();
    }
}
