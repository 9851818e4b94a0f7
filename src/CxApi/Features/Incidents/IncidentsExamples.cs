using CxApi.Common.OpenApi;
using CxApi.Common.Paging;
using Mapster;

namespace CxApi.Features.Incidents;

/// <summary>OpenAPI examples of the incident bodies; the incident is what the mappings make of the create example.</summary>
public sealed class IncidentsExamples(TypeAdapterConfig mapping) : IOpenApiExamples
{
    public const string IncidentId = "0193a4f1-5a7b-7c99-a5d6-3c4d5e6f7081";

    private const string Create = """
        { "title": "Checkout payments time out", "services": ["checkout-web", "payments-api"], "severity": "sev2", "impact": "partial",
          "externalId": "pd-Q1W2E3R4", "startedAt": "2026-11-19T18:02:00Z", "detectedAt": "2026-11-19T18:05:00Z",
          "acknowledgedAt": "2026-11-19T18:09:00Z", "mitigatedAt": "2026-11-19T18:40:00Z", "resolvedAt": "2026-11-19T19:10:00Z",
          "customerIds": ["c-1042"], "causedByDeploymentId": "0193a4f1-4e6f-7a88-94c5-2b3c4d5e6f70", "source": "pagerduty",
          "url": "https://example.pagerduty.com/incidents/Q1W2E3R4" }
        """;

    private const string Patch = """{ "mitigatedAt": "2026-11-19T18:40:00Z", "impact": "degraded" }""";

    public IReadOnlyDictionary<Type, string> Requests { get; } = new Dictionary<Type, string>
    {
        [typeof(CreateIncidentRequest)] = Create,
        [typeof(UpdateIncidentRequest)] = Patch,
    };

    public IReadOnlyDictionary<Type, Func<object>> Responses => new Dictionary<Type, Func<object>>
    {
        [typeof(Incident)] = () => Example(mapping),
        [typeof(Page<Incident>)] = () => new Page<Incident>([Example(mapping)], null),
    };

    /// <summary>The example incident, as the API answers it (also in the changes feed).</summary>
    public static Incident Example(TypeAdapterConfig mapping) =>
        ExampleValues.Read<CreateIncidentRequest>(Create).ToEntity(ExampleValues.Partner, ExampleValues.Now)
            .Adapt<Incident>(mapping) with
        { Id = IncidentId };
}
