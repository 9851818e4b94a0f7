using CxApi.Common.OpenApi;
using CxApi.Common.Paging;
using Mapster;

namespace CxApi.Features.Services;

/// <summary>OpenAPI examples of the service bodies; the service is what the mappings make of the create example.</summary>
public sealed class ServicesExamples(TypeAdapterConfig mapping) : IOpenApiExamples
{
    public const string ServiceId = "0193a4f1-6b8c-7daa-b6e7-4d5e6f708192";

    private const string Create = """{ "key": "checkout-web", "name": "Web checkout", "tier": 1, "customerFacing": true, "team": "payments" }""";

    public IReadOnlyDictionary<Type, string> Requests { get; } = new Dictionary<Type, string>
    {
        [typeof(CreateServiceRequest)] = Create,
        [typeof(UpdateServiceRequest)] = """{ "tier": 2, "team": "checkout" }""",
    };

    public IReadOnlyDictionary<Type, Func<object>> Responses => new Dictionary<Type, Func<object>>
    {
        [typeof(Service)] = () => Example(mapping),
        [typeof(Page<Service>)] = () => new Page<Service>([Example(mapping)], null),
    };

    /// <summary>The example service, as the API answers it (also in the changes feed).</summary>
    public static Service Example(TypeAdapterConfig mapping) =>
        ExampleValues.Read<CreateServiceRequest>(Create).ToEntity(ExampleValues.Partner, ExampleValues.Now).Adapt<Service>(mapping) with
        { Id = ServiceId };
}
