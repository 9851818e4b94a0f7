namespace CxApi.Common.OpenApi;

/// <summary>
/// A feature's examples for the OpenAPI document (<c>Features/&lt;Feature&gt;/&lt;Feature&gt;Examples.cs</c>). Every
/// implementation in the API's assembly is registered by <see cref="OpenApiSetup.AddCxOpenApi"/>, and
/// <see cref="ExampleSchemas"/> puts its examples on the schemas, so this folder knows no feature.
/// </summary>
public interface IOpenApiExamples
{
    private static readonly IReadOnlyDictionary<Type, string> NoRequests = new Dictionary<Type, string>();

    /// <summary>Request bodies by type, as JSON a client would send.</summary>
    IReadOnlyDictionary<Type, string> Requests => NoRequests;

    /// <summary>Response bodies by type, built when the document is, and written with the wire rules.</summary>
    IReadOnlyDictionary<Type, Func<object>> Responses { get; }

    /// <summary>
    /// The example batch body (<c>{ "items": [...] }</c>) of <paramref name="item"/>s, or null for the single POST's
    /// example as the one item.
    /// </summary>
    string? BatchOf(Type item) => null;
}
