using CxApi.Common;
using CxApi.Infrastructure.Entities;

namespace CxApi.Features.Webhooks;

public static class WebhooksMappings
{
    public static WebhookEntity ToEntity(this CreateWebhookRequest request, string protectedSecret, long nowMicros) => new()
    {
        Id = Ids.New(),
        Url = request.Url!,
        Events = [.. request.Events!],
        ProtectedSecret = protectedSecret,
        CreatedAtMicros = nowMicros,
    };

    public static Webhook ToContract(this WebhookEntity w) => new(w.Id, w.Url, w.Events, UnixMicros.ToDateTimeOffset(w.CreatedAtMicros));

    public static CreatedWebhook ToCreated(this WebhookEntity w, string secret) =>
        new(w.Id, w.Url, w.Events, UnixMicros.ToDateTimeOffset(w.CreatedAtMicros), secret);

    public static WebhookDelivery ToContract(this WebhookDeliveryEntity d, IEnumerable<WebhookAttemptEntity> attempts) => new(
        d.Id, d.EventType, d.Status, d.Attempts, d.LastStatusCode,
        UnixMicros.ToDateTimeOffset(d.CreatedAtMicros), UnixMicros.ToDateTimeOffset(d.DeliveredAtMicros),
        d.Status == DeliveryStatus.Pending ? UnixMicros.ToDateTimeOffset(d.NextAttemptAtMicros) : null,
        [.. attempts.OrderBy(a => a.Number).Select(a => new WebhookAttempt(
            a.Number, UnixMicros.ToDateTimeOffset(a.AttemptedAtMicros), a.StatusCode, a.Error, a.DurationMicros / 1000.0))]);
}
