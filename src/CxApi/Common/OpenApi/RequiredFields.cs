using FluentValidation;
using FluentValidation.Validators;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CxApi.Common.OpenApi;

/// <summary>
/// A request body's required fields, read from its validator: a property with an unconditional <c>NotNull</c> or
/// <c>NotEmpty</c> rule is <c>required</c> and not <c>nullable</c> (the server refuses it missing or null), so a
/// generated client makes the caller set it. Every other field stays optional, and a client may leave it out.
/// </summary>
public sealed class RequiredFields(IServiceProvider services) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { Count: > 0 } properties } concrete || context.MemberInfo is not null) return;
        foreach (var name in RequiredOf(context.Type))
        {
            if (!properties.TryGetValue(name, out var property) || property is not OpenApiSchema field) continue;
            concrete.Required ??= new HashSet<string>();
            concrete.Required.Add(name);
            if (field.Type is { } type) field.Type = type & ~JsonSchemaType.Null;
        }
    }

    /// <summary>The camelCase names of the properties the type's validator requires unconditionally.</summary>
    public IEnumerable<string> RequiredOf(Type type)
    {
        if (type.ContainsGenericParameters || services.GetService(typeof(IValidator<>).MakeGenericType(type)) is not IValidator validator)
            return [];
        return validator.CreateDescriptor().Rules
            .Where(rule => rule.PropertyName is { Length: > 0 } && !IsConditional(rule)
                           && rule.Components.Any(c => c.Validator is INotNullValidator or INotEmptyValidator && !c.HasCondition && !c.HasAsyncCondition))
            .Select(rule => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(rule.PropertyName!))
            .Distinct();
    }

    /// <summary>A rule under <c>When</c> applies its condition to every component (checked above); an item rule requires no field.</summary>
    private static bool IsConditional(IValidationRule rule) =>
        rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));
}
