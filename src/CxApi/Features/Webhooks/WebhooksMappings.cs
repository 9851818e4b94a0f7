using CxApi.Common;
using CxApi.Infrastructure.Entities;
using Mapster;

namespace CxApi.Features.Webhooks;

/// <summary>How stored webhooks and deliveries become their contracts; every member without a line here has the same name on both.</summary>
public sealed class WebhooksMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<WebhookEntity, Webhook>()
            // Time conversion: stored as Unix microseconds, answered as RFC 3339.
            .Map(d => d.CreatedAt, s => UnixMicros.ToDateTimeOffset(s.CreatedAtMicros));
        config.NewConfig<WebhookEntity, CreatedWebhook>()
            .Map(d => d.CreatedAt, s => UnixMicros.ToDateTimeOffset(s.CreatedAtMicros))
            // Only the protected secret is stored: the handler adds the plain one, shown this once (`with { Secret = secret }`).
            .Ignore(d => d.Secret!);
        config.NewConfig<WebhookDeliveryEntity, WebhookDelivery>()
            .Map(d => d.AttemptCount, s => s.Attempts)
            .Map(d => d.CreatedAt, s => UnixMicros.ToDateTimeOffset(s.CreatedAtMicros))
            .Map(d => d.DeliveredAt, s => UnixMicros.ToDateTimeOffset(s.DeliveredAtMicros))
            // Logic: only a pending delivery has a next attempt.
            .Map(d => d.NextAttemptAt,
                s => s.Status == DeliveryStatus.Pending ? UnixMicros.ToDateTimeOffset(s.NextAttemptAtMicros) : (DateTimeOffset?)null)
            // The attempts are rows of their own: the handler adds them, in order (`with { Attempts = ... }`). Stated, not
            // ignored: the entity's Attempts is the count, and a record's constructor would otherwise take it.
            .Map(d => d.Attempts, s => (IReadOnlyList<WebhookAttempt>)Array.Empty<WebhookAttempt>());
        config.NewConfig<WebhookAttemptEntity, WebhookAttempt>()
            .Map(d => d.Attempt, s => s.Number)
            .Map(d => d.At, s => UnixMicros.ToDateTimeOffset(s.AttemptedAtMicros))
            // Unit conversion: stored in microseconds, answered in milliseconds.
            .Map(d => d.DurationMs, s => s.DurationMicros / 1000.0);
    }
}
