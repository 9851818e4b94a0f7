using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CxApi.Common.OpenApi;

/// <summary>
/// A nullable enum property (<c>Channel?</c>) is written <c>{ oneOf: [$ref], nullable: true }</c> rather than Swashbuckle's
/// <c>allOf</c> wrapper: under <c>allOf</c> a validator checks <c>null</c> against the enum itself and refuses it (Prism
/// does), while generated clients read both forms as "the enum, or null".
/// </summary>
public sealed class NullableEnums : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.MemberInfo is null || schema is not OpenApiSchema { AllOf: { Count: 1 } allOf, Type: { } type } wrapper
            || (type & JsonSchemaType.Null) == 0 || !(Nullable.GetUnderlyingType(context.Type) ?? context.Type).IsEnum)
            return;
        wrapper.OneOf = [allOf[0]];
        wrapper.AllOf = null;
    }
}
