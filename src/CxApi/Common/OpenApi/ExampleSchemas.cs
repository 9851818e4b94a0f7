using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CxApi.Common.OpenApi;

/// <summary>
/// Puts each feature's examples (<see cref="IOpenApiExamples"/>) on the request and response schemas. Request examples
/// are the contract's own samples; each response example is what the API's mappings make of sample records, serialized
/// with the wire rules, so the two cannot drift apart. Problem schemas also document the <c>traceId</c> every problem carries.
/// </summary>
public sealed class ExampleSchemas(IEnumerable<IOpenApiExamples> features, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : ISchemaFilter
{
    private readonly IOpenApiExamples[] _features = [.. features];

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete) return;
        foreach (var feature in _features)
        {
            if (feature.Requests.TryGetValue(context.Type, out var request))
            {
                concrete.Example = JsonNode.Parse(request);
                return;
            }
            if (feature.Responses.TryGetValue(context.Type, out var example))
            {
                concrete.Example = JsonSerializer.SerializeToNode(example(), context.Type, json.Value.SerializerOptions);
                return;
            }
        }
        if (typeof(ProblemDetails).IsAssignableFrom(context.Type))
        {
            concrete.Properties ??= new Dictionary<string, IOpenApiSchema>();
            concrete.Properties.TryAdd("traceId", new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "The W3C trace id of the request, to quote when reporting a problem.",
            });
        }
    }
}
