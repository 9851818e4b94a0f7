using CxApi.Common.OpenApi;
using CxApi.Common.Paging;
using Mapster;

namespace CxApi.Features.Interactions;

/// <summary>OpenAPI examples of the interaction bodies; the interaction is what the mappings make of the create example.</summary>
public sealed class InteractionsExamples(TypeAdapterConfig mapping) : IOpenApiExamples
{
    public const string InteractionId = "0193a4f1-1b3c-7e55-a1d2-6f7e8d9c0b1a";

    private const string Create = """
        { "externalId": "T-9911", "customerId": "c-1042", "channel": "chat", "type": "support",
          "openedAt": "2026-11-20T09:00:00Z", "firstResponseAt": "2026-11-20T09:04:10Z", "resolvedAt": null,
          "status": "open", "contactCount": 1, "escalated": false, "product": "mobile-app", "region": "emea",
          "team": "tier1", "tags": [] }
        """;

    public IReadOnlyDictionary<Type, string> Requests { get; } = new Dictionary<Type, string>
    {
        [typeof(CreateInteractionRequest)] = Create,
        [typeof(UpdateInteractionRequest)] = """{ "status": "resolved", "resolvedAt": "2026-11-20T10:00:00Z", "escalated": true }""",
    };

    public IReadOnlyDictionary<Type, Func<object>> Responses => new Dictionary<Type, Func<object>>
    {
        [typeof(Interaction)] = () => Example(mapping),
        [typeof(Page<Interaction>)] = () => new Page<Interaction>([Example(mapping)], null),
    };

    /// <summary>The example interaction, as the API answers it (also in the changes feed).</summary>
    public static Interaction Example(TypeAdapterConfig mapping) =>
        ExampleValues.Read<CreateInteractionRequest>(Create).ToEntity(ExampleValues.Partner, ExampleValues.Now)
            .Adapt<Interaction>(mapping) with
        { Id = InteractionId };
}
