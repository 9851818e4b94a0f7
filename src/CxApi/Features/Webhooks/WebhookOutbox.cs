using CxApi.Common;
using CxApi.Features.Responses;
using CxApi.Features.Reviews;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using System.Text.Json;

namespace CxApi.Features.Webhooks;

/// <summary>
/// Writes outbox rows (one delivery per subscribed webhook) on the context of the change that causes the event,
/// so both commit together or not at all. Record inserts ask on every write, so which webhooks subscribe to
/// what is remembered for a second (creating or deleting a webhook forgets it at once on this instance); with
/// no subscriber, an insert costs one clock comparison.
/// </summary>
public sealed class WebhookOutbox(
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, TimeProvider clock, TypeAdapterConfig mapping) : IRecordInsertHook
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(1);

    private sealed record Subscribers(IReadOnlyList<(string Id, List<string> Events)> Webhooks, DateTimeOffset Until);

    private volatile Subscribers? _subscribers;

    public void Forget() => _subscribers = null;

    public async ValueTask<bool> TrackAsync(CxDbContext db, IEnumerable<RecordEntity> records, CancellationToken ct)
    {
        var subscribers = _subscribers;
        if (subscribers is null || subscribers.Until <= clock.GetUtcNow())
            _subscribers = subscribers = new Subscribers(await SubscribersAsync(db, ct), clock.GetUtcNow() + CacheFor);
        if (subscribers.Webhooks.Count == 0) return false;

        var forResponses = For(subscribers.Webhooks, WebhookEvents.ResponseCreated);
        var forReviews = For(subscribers.Webhooks, WebhookEvents.ReviewCreated);
        var added = false;
        foreach (var record in records.ToList()) // tracking the rows changes what a lazy sequence of tracked entries enumerates
        {
            switch (record)
            {
                case ResponseEntity response when forResponses.Count > 0:
                    Add(db, forResponses, WebhookEvents.ResponseCreated, response.Adapt<SurveyResponse>(mapping));
                    added = true;
                    break;
                case ReviewEntity review when forReviews.Count > 0:
                    Add(db, forReviews, WebhookEvents.ReviewCreated, review.Adapt<Review>(mapping));
                    added = true;
                    break;
            }
        }
        return added;
    }

    /// <summary>Tracks a delivery of <paramref name="data"/> to every webhook subscribed to <paramref name="eventType"/> now (not cached).</summary>
    public async Task EnqueueAsync(CxDbContext db, string eventType, object data, CancellationToken ct) =>
        Add(db, For(await SubscribersAsync(db, ct), eventType), eventType, data);

    private void Add(CxDbContext db, List<string> webhookIds, string eventType, object data)
    {
        if (webhookIds.Count == 0) return;
        var now = clock.GetUtcNow();
        var payload = JsonSerializer.Serialize(new WebhookPayload(eventType, now, data), json.Value.SerializerOptions);
        foreach (var webhookId in webhookIds)
            db.Set<WebhookDeliveryEntity>().Add(new WebhookDeliveryEntity
            {
                Id = Ids.New(),
                WebhookId = webhookId,
                EventType = eventType,
                Payload = payload,
                CreatedAtMicros = UnixMicros.From(now),
                NextAttemptAtMicros = UnixMicros.From(now),
                Status = DeliveryStatus.Pending,
            });
    }

    private static List<string> For(IReadOnlyList<(string Id, List<string> Events)> webhooks, string eventType) =>
        [.. webhooks.Where(w => w.Events.Contains(eventType)).Select(w => w.Id)];

    private static async Task<IReadOnlyList<(string Id, List<string> Events)>> SubscribersAsync(CxDbContext db, CancellationToken ct) =>
        (await db.Set<WebhookEntity>().AsNoTracking().Select(w => new { w.Id, w.Events }).ToListAsync(ct))
            .ConvertAll(w => (w.Id, w.Events));
}
