using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using System.Reflection;

namespace CxApi.Common.OpenApi;

/// <summary>
/// A vendor's payload (<see cref="VendorPayloadAttribute"/>) carries more members than its schema describes, and
/// they are accepted: its schema allows other properties, where CxApi's own bodies refuse them.
/// </summary>
public sealed class VendorPayloadSchemas : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || context.MemberInfo is not null || context.Type.GetCustomAttribute<VendorPayloadAttribute>() is null)
            return;
        concrete.AdditionalPropertiesAllowed = true;
        concrete.AdditionalProperties = null;
    }
}
