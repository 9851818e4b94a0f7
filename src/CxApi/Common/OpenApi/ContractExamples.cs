using System.Text.Json;
using System.Text.Json.Nodes;
using CxApi.Common.Auth;
using CxApi.Features.Admin;
using CxApi.Features.Alerts;
using CxApi.Features.ApiKeys;
using CxApi.Features.Changes;
using CxApi.Features.Health;
using CxApi.Features.Interactions;
using CxApi.Features.Records;
using CxApi.Features.Responses;
using CxApi.Features.Reviews;
using CxApi.Features.Surveys;
using CxApi.Features.Webhooks;
using CxApi.Metrics;
using CxApi.Common.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CxApi.Common.OpenApi;

/// <summary>
/// Examples for the request and response bodies. Request examples are the contract's own samples; each
/// response example is what the API's mappings make of the matching request, serialized with the wire
/// rules, so the two cannot drift apart (a test posts every request example to the API).
/// Problem schemas also document the <c>traceId</c> every problem carries.
/// </summary>
public sealed class ContractExamples : ISchemaFilter
{
    private const string SurveyId = "0193a4f0-7c1e-7d2a-9b3c-4e5f6a7b8c9d";
    private const string ResponseId = "0193a4f1-02aa-7b41-8e0f-3d2c1b0a9f8e";
    private const string InteractionId = "0193a4f1-1b3c-7e55-a1d2-6f7e8d9c0b1a";
    private const string ReviewId = "0193a4f1-2c4d-7f66-b2e3-7a8b9c0d1e2f";
    private const string KeyId = "0193a4f0-0a1b-7c2d-8e3f-4a5b6c7d8e9f";
    private const string Secret = "cx_live_IBwUq3nZr8Vt0Yk2Lm5Pd7Hs9Jf4Gc6Xa1Eb";
    private static readonly long Now = UnixMicros.From(new DateTimeOffset(2026, 11, 20, 10, 0, 1, TimeSpan.Zero));
    private static readonly Caller Partner = new(KeyId, ApiKeyRole.Ingest, "acme");

    /// <summary>The wire rules, for reading the request examples and writing the responses.</summary>
    private static JsonSerializerOptions Wire => Json.JsonSetup.Wire;

    /// <summary>The request examples, as a client would send them.</summary>
    public static readonly IReadOnlyDictionary<Type, string> Requests = new Dictionary<Type, string>
    {
        [typeof(CreateSurveyRequest)] = """
            { "name": "Support NPS", "kind": "nps", "question": "How likely are you to recommend us to a friend?",
              "channel": "email", "touchpoint": "after-ticket", "active": true }
            """,
        [typeof(UpdateSurveyRequest)] = """{ "name": "Support NPS (2026)", "question": null }""",
        [typeof(CreateResponseRequest)] = $$"""
            { "surveyId": "{{SurveyId}}", "score": 9, "comment": "Great support", "customerId": "c-1042",
              "channel": "email", "product": "mobile-app", "region": "emea", "tags": ["onboarding"],
              "respondedAt": "2026-11-20T10:00:00Z", "externalId": "partner-77-resp-1" }
            """,
        [typeof(CreateInteractionRequest)] = """
            { "externalId": "T-9911", "customerId": "c-1042", "channel": "chat", "type": "support",
              "openedAt": "2026-11-20T09:00:00Z", "firstResponseAt": "2026-11-20T09:04:10Z", "resolvedAt": null,
              "status": "open", "contactCount": 1, "escalated": false, "product": "mobile-app", "region": "emea",
              "team": "tier1", "tags": [] }
            """,
        [typeof(UpdateInteractionRequest)] = """{ "status": "resolved", "resolvedAt": "2026-11-20T10:00:00Z", "escalated": true }""",
        [typeof(CreateReviewRequest)] = """
            { "source": "trustpilot", "externalId": "tp-5521", "rating": 4, "title": "Solid", "body": "Fast delivery",
              "author": "Ana", "product": "mobile-app", "region": "emea", "language": "en",
              "publishedAt": "2026-11-19T18:00:00Z", "customerId": null }
            """,
        [typeof(CreateApiKeyRequest)] = """{ "name": "Acme feedback sync", "role": "ingest", "partner": "acme" }""",
        [typeof(CreateAlertRuleRequest)] = """
            { "name": "Support CSAT below 80 %", "metric": "csat", "field": "value", "filters": { "channel": ["chat"] },
              "window": "P7D", "condition": { "below": 80 }, "minResponses": 30, "active": true }
            """,
        [typeof(UpdateAlertRuleRequest)] = """{ "condition": { "dropBy": 5, "vsPreviousWindow": true, "significantOnly": true } }""",
        [typeof(CreateWebhookRequest)] = """{ "url": "https://hooks.example.com/cx", "events": ["alert.triggered", "alert.resolved"] }""",
    };

    /// <summary>
    /// The example batch of <paramref name="item"/>s: for responses one valid item and one without its score (the
    /// <see cref="BatchResult"/> example is its answer; an item off the scale would break the documented range); otherwise
    /// the single POST's example.
    /// </summary>
    public static string BatchOf(Type item) => item == typeof(CreateResponseRequest)
        ? $$"""
            { "items": [
                { "surveyId": "{{SurveyId}}", "score": 10, "respondedAt": "2026-11-20T10:00:00Z", "externalId": "partner-77-resp-2" },
                { "surveyId": "{{SurveyId}}", "respondedAt": "2026-11-20T10:05:00+01:00" } ] }
            """
        : $$"""{ "items": [{{Requests[item]}}] }""";

    private static readonly Dictionary<Type, Func<object>> ResponseExamples = new()
    {
        [typeof(Survey)] = () => ExampleSurvey(),
        [typeof(Page<Survey>)] = () => new Page<Survey>([ExampleSurvey()], null),
        [typeof(SurveyResponse)] = () => ExampleResponse(),
        [typeof(Page<SurveyResponse>)] = () => new Page<SurveyResponse>([ExampleResponse()], "MTczMjA5NjgwMDAwMDAwMHwwMTkzYTRmMS0wMmFh"),
        [typeof(Interaction)] = () => ExampleInteraction(),
        [typeof(Page<Interaction>)] = () => new Page<Interaction>([ExampleInteraction()], null),
        [typeof(Review)] = () => ExampleReview(),
        [typeof(Page<Review>)] = () => new Page<Review>([ExampleReview()], null),
        [typeof(CreatedApiKey)] = () => Read<CreateApiKeyRequest>().ToEntity(Secret, Now).ToCreated(Secret) with { Id = KeyId },
        [typeof(ApiKey)] = () => ExampleApiKey(),
        [typeof(Page<ApiKey>)] = () => new Page<ApiKey>([ExampleApiKey()], null),
        [typeof(BatchResult)] = () => new BatchResult(1, 1,
            [new BatchItemResult(0, BatchItemStatus.Created, Id: ResponseId),
             new BatchItemResult(1, BatchItemStatus.Invalid, Errors: new Dictionary<string, string[]> { ["items[1].score"] = ["'score' is required for an nps survey."] })]),
        [typeof(RollupRebuild)] = () => new RollupRebuild(new Dictionary<string, int>
        {
            ["ResponseRollups"] = 48_210, ["ReviewRollups"] = 6_904, ["InteractionRollups"] = 12_377, ["InteractionBinRollups"] = 30_915,
        }),
        [typeof(RollupCheck)] = () => new RollupCheck(true, new Dictionary<string, long>
        {
            ["ResponseRollups"] = 0, ["ReviewRollups"] = 0, ["InteractionRollups"] = 0, ["InteractionBinRollups"] = 0,
        }),
        [typeof(AlertRule)] = () => ExampleRule(),
        [typeof(Page<AlertRule>)] = () => new Page<AlertRule>([ExampleRule()], null),
        [typeof(AlertEvent)] = () => ExampleAlert(),
        [typeof(Page<AlertEvent>)] = () => new Page<AlertEvent>([ExampleAlert()], null),
        [typeof(AlertEvaluation)] = () => new AlertEvaluation(1, [ExampleAlert()]),
        [typeof(Webhook)] = () => ExampleWebhook().ToContract() with { Id = WebhookId },
        [typeof(Page<Webhook>)] = () => new Page<Webhook>([ExampleWebhook().ToContract() with { Id = WebhookId }], null),
        [typeof(CreatedWebhook)] = () => ExampleWebhook().ToCreated(WebhookSecret) with { Id = WebhookId },
        [typeof(WebhookDelivery)] = () => ExampleDelivery(),
        [typeof(Page<WebhookDelivery>)] = () => new Page<WebhookDelivery>([ExampleDelivery()], null),
        [typeof(ChangePage<SurveyResponse>)] = () => new ChangePage<SurveyResponse>(
            [new Change<SurveyResponse>(41, ChangeToken.Encode(41), ChangeOp.Upsert, ResponseId, ExampleResponse(), null),
             new Change<SurveyResponse>(42, ChangeToken.Encode(42), ChangeOp.Delete, "0193a4f0-ffee-7d00-8c1b-2a3b4c5d6e7f", null, At)],
            ChangeToken.Encode(42), false),
        [typeof(ChangePage<Interaction>)] = () => new ChangePage<Interaction>(
            [new Change<Interaction>(7, ChangeToken.Encode(7), ChangeOp.Upsert, InteractionId, ExampleInteraction(), null)], ChangeToken.Encode(7), false),
        [typeof(ChangePage<Review>)] = () => new ChangePage<Review>(
            [new Change<Review>(3, ChangeToken.Encode(3), ChangeOp.Upsert, ReviewId, ExampleReview(), null)], ChangeToken.Encode(3), false),
        [typeof(HealthReportSummary)] = () => new HealthReportSummary("healthy", new Dictionary<string, string> { ["database"] = "healthy" }),
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete) return;
        if (Requests.TryGetValue(context.Type, out var request))
            concrete.Example = JsonNode.Parse(request);
        else if (ResponseExamples.TryGetValue(context.Type, out var example))
            concrete.Example = JsonSerializer.SerializeToNode(example(), context.Type, Wire);
        else if (typeof(ProblemDetails).IsAssignableFrom(context.Type))
        {
            concrete.Properties ??= new Dictionary<string, IOpenApiSchema>();
            concrete.Properties.TryAdd("traceId", new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "The W3C trace id of the request, to quote when reporting a problem.",
            });
        }
    }

    private static T Read<T>() =>
        JsonSerializer.Deserialize<T>(Requests[typeof(T)], Wire) ?? throw new InvalidOperationException($"The {typeof(T).Name} example is null.");

    private static Survey ExampleSurvey() => Read<CreateSurveyRequest>().ToEntity(Now).ToContract() with { Id = SurveyId };

    private static SurveyResponse ExampleResponse() =>
        Read<CreateResponseRequest>().ToEntity(SurveyKind.Nps, Partner, Now).ToContract() with { Id = ResponseId };

    private static Interaction ExampleInteraction() => Read<CreateInteractionRequest>().ToEntity(Partner, Now).ToContract() with { Id = InteractionId };

    private static Review ExampleReview() => Read<CreateReviewRequest>().ToEntity(Partner, Now).ToContract() with { Id = ReviewId };

    private static readonly DateTimeOffset At = new(2026, 11, 20, 10, 0, 1, TimeSpan.Zero);

    private static AlertRule ExampleRule()
    {
        var entity = Read<CreateAlertRuleRequest>().ToEntity(Now);
        return entity.ToContract() with { Id = "0193a4f2-3d5e-7a77-83f4-8b9c0d1e2f30" };
    }

    private static AlertEvent ExampleAlert() => new(
        "0193a4f2-4e6f-7b88-94a5-9c0d1e2f3a41", WebhookEvents.AlertTriggered, At, ExampleRule().Id, 74.2, 128, new Interval(65.9, 80.9),
        At.AddDays(-7), At, null, null, null, null, ExampleRule() with { State = AlertState.Firing, StateChangedAt = At });

    private const string WebhookId = "0193a4f2-5f70-7c99-a5b6-0d1e2f3a4b52";

    private const string WebhookSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static Infrastructure.Entities.WebhookEntity ExampleWebhook() =>
        Read<CreateWebhookRequest>().ToEntity(protectedSecret: "", Now); // only its contract is shown

    private static WebhookDelivery ExampleDelivery() => new(
        "msg_2Kz9XgS1fA7bQe3R", WebhookEvents.AlertTriggered, Infrastructure.Entities.DeliveryStatus.Delivered, 2, 200, At, At.AddSeconds(31), null,
        [new WebhookAttempt(1, At.AddSeconds(1), 503, null, 112.4), new WebhookAttempt(2, At.AddSeconds(31), 200, null, 48.9)]);

    private static ApiKey ExampleApiKey() =>
        Read<CreateApiKeyRequest>().ToEntity(Secret, Now).ToContract() with { Id = KeyId, LastUsedAt = new DateTimeOffset(2026, 11, 20, 10, 0, 1, TimeSpan.Zero) };
}
