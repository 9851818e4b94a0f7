using CxApi.Common.OpenApi;
using CxApi.Common.Paging;
using Mapster;

namespace CxApi.Features.ApiKeys;

/// <summary>OpenAPI examples of the API key bodies; the key is what the mappings make of the create example.</summary>
public sealed class ApiKeysExamples(TypeAdapterConfig mapping) : IOpenApiExamples
{
    private const string Secret = "cx_live_IBwUq3nZr8Vt0Yk2Lm5Pd7Hs9Jf4Gc6Xa1Eb";

    private const string Create = """{ "name": "Acme feedback sync", "role": "ingest", "partner": "acme" }""";

    public IReadOnlyDictionary<Type, string> Requests { get; } = new Dictionary<Type, string> { [typeof(CreateApiKeyRequest)] = Create };

    public IReadOnlyDictionary<Type, Func<object>> Responses => new Dictionary<Type, Func<object>>
    {
        [typeof(CreatedApiKey)] = () => ExampleValues.Read<CreateApiKeyRequest>(Create).ToEntity(Secret, ExampleValues.Now)
            .Adapt<CreatedApiKey>(mapping) with
        { Id = ExampleValues.KeyId, Key = Secret },
        [typeof(ApiKey)] = Example,
        [typeof(Page<ApiKey>)] = () => new Page<ApiKey>([Example()], null),
    };

    private ApiKey Example() => ExampleValues.Read<CreateApiKeyRequest>(Create).ToEntity(Secret, ExampleValues.Now)
        .Adapt<ApiKey>(mapping) with
    { Id = ExampleValues.KeyId, LastUsedAt = ExampleValues.At };
}
