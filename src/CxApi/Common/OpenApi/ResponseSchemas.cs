using CxApi.Common.Json;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxApi.Common.OpenApi;

/// <summary>
/// The API writes every property of what it returns (null when it has no value) unless the property says
/// otherwise with a conditional <see cref="JsonIgnoreAttribute"/>; the schemas say so with <c>required</c>, and
/// only properties declared nullable (<c>string?</c>) are <c>nullable</c>, so a generated client types
/// <c>survey.scale</c> and <c>survey.id</c> as always there. Request bodies are left alone: which of their fields
/// are needed is the validators' business, and their problems say so.
/// </summary>
public sealed class ResponseSchemas(IApiDescriptionGroupCollectionProvider api) : ISchemaFilter
{
    private readonly NullabilityInfoContext nullability = new();

    private readonly Lazy<HashSet<Type>> requestBodies = new(() =>
    [
        .. api.ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .SelectMany(d => d.ParameterDescriptions)
            .Where(p => p.Source == BindingSource.Body)
            .Select(p => p.Type),
    ]);

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } concrete || context.MemberInfo is not null
            || requestBodies.Value.Contains(context.Type) || context.Type.GetCustomAttribute<VendorPayloadAttribute>() is not null)
            return;

        foreach (var property in Flattening.PropertiesOf(context.Type))
        {
            if (property.GetCustomAttribute<JsonExtensionDataAttribute>() is not null
                || property.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: not JsonIgnoreCondition.Never })
                continue;
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!concrete.Properties.TryGetValue(name, out var member)) continue;
            concrete.Required ??= new HashSet<string>();
            concrete.Required.Add(name);
            if (member is OpenApiSchema { Type: { } type } inline && !property.PropertyType.IsValueType
                && nullability.Create(property).ReadState == NullabilityState.NotNull)
                inline.Type = type & ~JsonSchemaType.Null;
        }
    }
}
