using CxApi.Common.OpenApi;
using CxApi.Common.Paging;
using CxApi.Infrastructure.Entities;
using Mapster;

namespace CxApi.Features.Webhooks;

/// <summary>OpenAPI examples of the webhook bodies; the webhook is what the mappings make of the create example.</summary>
public sealed class WebhooksExamples(TypeAdapterConfig mapping) : IOpenApiExamples
{
    private const string WebhookId = "0193a4f2-5f70-7c99-a5b6-0d1e2f3a4b52";
    private const string WebhookSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static readonly DateTimeOffset At = ExampleValues.At;

    private const string Create = """{ "url": "https://hooks.example.com/cx", "events": ["alert.triggered", "alert.resolved"] }""";

    public IReadOnlyDictionary<Type, string> Requests { get; } = new Dictionary<Type, string> { [typeof(CreateWebhookRequest)] = Create };

    public IReadOnlyDictionary<Type, Func<object>> Responses => new Dictionary<Type, Func<object>>
    {
        [typeof(Webhook)] = Example,
        [typeof(Page<Webhook>)] = () => new Page<Webhook>([Example()], null),
        [typeof(CreatedWebhook)] = () => Entity().Adapt<CreatedWebhook>(mapping) with { Id = WebhookId, Secret = WebhookSecret },
        [typeof(WebhookDelivery)] = Delivery,
        [typeof(Page<WebhookDelivery>)] = () => new Page<WebhookDelivery>([Delivery()], null),
    };

    private static WebhookEntity Entity() =>
        ExampleValues.Read<CreateWebhookRequest>(Create).ToEntity(protectedSecret: "", ExampleValues.Now); // only its contract is shown

    private Webhook Example() => Entity().Adapt<Webhook>(mapping) with { Id = WebhookId };

    private static WebhookDelivery Delivery() => new(
        "msg_2Kz9XgS1fA7bQe3R", WebhookEvents.AlertTriggered, DeliveryStatus.Delivered, 2, 200, At, At.AddSeconds(31), null,
        [new WebhookAttempt(1, At.AddSeconds(1), 503, null, 112.4), new WebhookAttempt(2, At.AddSeconds(31), 200, null, 48.9)]);
}
