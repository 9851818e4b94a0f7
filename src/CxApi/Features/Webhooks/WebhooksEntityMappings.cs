using CxApi.Common;
using CxApi.Infrastructure.Entities;

namespace CxApi.Features.Webhooks;

/// <summary>How a request becomes a stored webhook (the contract side is <see cref="WebhooksMappings"/>).</summary>
public static class WebhooksEntityMappings
{
    public static WebhookEntity ToEntity(this CreateWebhookRequest request, string protectedSecret, long nowMicros) => new()
    {
        Id = Ids.New(),
        Url = request.Url!,
        Events = [.. request.Events!],
        ProtectedSecret = protectedSecret,
        CreatedAtMicros = nowMicros,
    };
}
