using CxApi.Common.OpenApi;
using CxApi.Common.Paging;
using Mapster;

namespace CxApi.Features.Deployments;

/// <summary>OpenAPI examples of the deployment bodies; the deployment is what the mappings make of the create example.</summary>
public sealed class DeploymentsExamples(TypeAdapterConfig mapping) : IOpenApiExamples
{
    public const string DeploymentId = "0193a4f1-4e6f-7a88-94c5-2b3c4d5e6f70";

    private const string Create = """
        { "service": "checkout-web", "externalId": "gh-deploy-88121", "version": "2026.11.19-3", "environment": "production",
          "kind": "deploy", "startedAt": "2026-11-19T17:52:00Z", "finishedAt": "2026-11-19T18:00:00Z", "result": "success",
          "initiative": "one-page-checkout", "url": "https://github.com/example/shop/deployments/88121" }
        """;

    public IReadOnlyDictionary<Type, string> Requests { get; } = new Dictionary<Type, string> { [typeof(CreateDeploymentRequest)] = Create };

    public IReadOnlyDictionary<Type, Func<object>> Responses => new Dictionary<Type, Func<object>>
    {
        [typeof(Deployment)] = () => Example(mapping),
        [typeof(Page<Deployment>)] = () => new Page<Deployment>([Example(mapping)], null),
    };

    /// <summary>The example deployment, as the API answers it (also in the changes feed).</summary>
    public static Deployment Example(TypeAdapterConfig mapping) =>
        ExampleValues.Read<CreateDeploymentRequest>(Create).ToEntity(ExampleValues.Partner, ExampleValues.Now)
            .Adapt<Deployment>(mapping) with
        { Id = DeploymentId };
}
