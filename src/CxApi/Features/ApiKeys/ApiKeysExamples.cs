using CxApi.Common;
using CxApi.Common.OpenApi;
using CxApi.Common.Paging;
using Mapster;

namespace CxApi.Features.ApiKeys;

/// <summary>OpenAPI examples of the API key bodies; the key is what the mappings make of the create example.</summary>
public sealed class ApiKeysExamples(TypeAdapterConfig mapping) : IOpenApiExamples
{
    private const string Secret = "cx_live_IBwUq3nZr8Vt0Yk2Lm5Pd7Hs9Jf4Gc6Xa1Eb";

    private const string NewSecret = "cx_live_Qm3Tz8Rk1Wv5Xn7Bc2Yd4Fh6Jp9Ls0Ga3Ue8Ko";

    private const string Create = """{ "name": "Acme feedback sync", "role": "ingest", "partner": "acme" }""";

    private const string Rotate = """{ "gracePeriod": "PT24H" }""";

    public IReadOnlyDictionary<Type, string> Requests { get; } = new Dictionary<Type, string>
    {
        [typeof(CreateApiKeyRequest)] = Create,
        [typeof(RotateApiKeyRequest)] = Rotate,
    };

    public IReadOnlyDictionary<Type, Func<object>> Responses => new Dictionary<Type, Func<object>>
    {
        [typeof(CreatedApiKey)] = () => ExampleValues.Read<CreateApiKeyRequest>(Create).ToEntity(Secret, ExampleValues.Now)
            .Adapt<CreatedApiKey>(mapping) with
        { Id = ExampleValues.KeyId, Key = Secret },
        [typeof(RotatedApiKey)] = Rotated,
        [typeof(ApiKey)] = Example,
        [typeof(Page<ApiKey>)] = () => new Page<ApiKey>([Example()], null),
    };

    /// <summary>The example key rotated a day after it was created, with the default grace period.</summary>
    private RotatedApiKey Rotated()
    {
        var entity = ExampleValues.Read<CreateApiKeyRequest>(Create).ToEntity(NewSecret, ExampleValues.Now);
        var grace = RotateApiKeyValidator.GraceOf(ExampleValues.Read<RotateApiKeyRequest>(Rotate));
        entity.PreviousHashExpiresAtMicros = UnixMicros.From(ExampleValues.At.AddDays(1) + grace);
        return entity.Adapt<RotatedApiKey>(mapping) with { Id = ExampleValues.KeyId, Key = NewSecret };
    }

    private ApiKey Example() => ExampleValues.Read<CreateApiKeyRequest>(Create).ToEntity(Secret, ExampleValues.Now)
        .Adapt<ApiKey>(mapping) with
    { Id = ExampleValues.KeyId, LastUsedAt = ExampleValues.At };
}
