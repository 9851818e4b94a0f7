using CxApi.Common.OpenApi;

namespace CxApi.Features.Health;

/// <summary>OpenAPI example of the health body.</summary>
public sealed class HealthExamples : IOpenApiExamples
{
    public IReadOnlyDictionary<Type, Func<object>> Responses { get; } = new Dictionary<Type, Func<object>>
    {
        [typeof(HealthReportSummary)] = () => new HealthReportSummary("healthy", new Dictionary<string, string> { ["database"] = "healthy" }),
    };
}
