using FluentValidation;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using System.Text.Json.Nodes;

namespace CxApi.Common.OpenApi;

/// <summary>
/// A batch body is <c>{ "items": [...] }</c> of what the single POST takes. The handler binds the items as raw
/// JSON (each is validated on its own); its <see cref="IValidator{T}"/> parameter names their type, so the
/// document, and every client generated from it, types the items (<c>ResponseBatch</c> of <c>CreateResponseRequest</c>).
/// </summary>
public sealed class BatchBodies(BatchBodyShape shape, IEnumerable<IOpenApiExamples> features) : IOperationFilter
{
    private readonly IOpenApiExamples[] _features = [.. features];

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var parameters = context.MethodInfo?.GetParameters().Select(p => p.ParameterType).ToList() ?? [];
        var item = parameters.FirstOrDefault(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IValidator<>))?.GetGenericArguments()[0];
        if (!parameters.Contains(shape.Body) || item is null || operation.RequestBody is not OpenApiRequestBody { Content: { } content }) return;

        var name = $"{item.Name.Replace("Create", "", StringComparison.Ordinal).Replace("Request", "", StringComparison.Ordinal)}Batch";
        if (!context.SchemaRepository.Schemas.ContainsKey(name))
            context.SchemaRepository.AddDefinition(name, new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = $"Up to {shape.MaxItems} items, each validated and stored as its single POST would be.",
                Required = new HashSet<string> { "items" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["items"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Array,
                        MinItems = 1,
                        MaxItems = shape.MaxItems,
                        Items = context.SchemaGenerator.GenerateSchema(item, context.SchemaRepository),
                    },
                },
                Example = JsonNode.Parse(BatchOf(item)),
            });
        foreach (var media in content.Values) media.Schema = new OpenApiSchemaReference(name, context.Document);
        // Every batch operation now names its own body; the untyped BatchRequest would be an unused component.
        context.SchemaRepository.Schemas.Remove(shape.Body.Name);
    }

    /// <summary>The feature's own batch example, or its single POST's example as the one item.</summary>
    private string BatchOf(Type item) =>
        _features.Select(f => f.BatchOf(item)).FirstOrDefault(b => b is not null)
        ?? $$"""{ "items": [{{_features.Select(f => f.Requests.GetValueOrDefault(item)).First(r => r is not null)}}] }""";
}
