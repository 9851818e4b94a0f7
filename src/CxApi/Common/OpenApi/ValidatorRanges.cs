using FluentValidation;
using FluentValidation.Validators;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using System.Globalization;

namespace CxApi.Common.OpenApi;

/// <summary>
/// Documents the numeric ranges the validators enforce, as <c>minimum</c>/<c>maximum</c> (or their exclusive forms)
/// on body properties, on the items of an array validated item by item, and on query parameters. They are read from
/// the registered <see cref="IValidator{T}"/>'s constant range rules (<c>InclusiveBetween</c>, <c>GreaterThan</c>,
/// <c>LessThanOrEqualTo</c>, …), so a range is written once, where it is enforced.
/// </summary>
public sealed class ValidatorRanges(IServiceProvider services) : ISchemaFilter, IOperationFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { Count: > 0 } properties }) return;
        foreach (var (name, range, eachItem) in RangesOf(context.Type))
        {
            if (properties.TryGetValue(name, out var property) && property is OpenApiSchema concrete)
                range.Document(eachItem ? concrete.Items as OpenApiSchema : concrete);
        }
    }

    /// <summary>Query parameters come from the handler's <c>[AsParameters]</c> records, each checked by its validator.</summary>
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var ranges = (context.MethodInfo?.GetParameters() ?? [])
            .Where(p => p.IsDefined(typeof(AsParametersAttribute), inherit: false))
            .SelectMany(p => RangesOf(p.ParameterType))
            .ToList();
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            foreach (var ranged in ranges.Where(r => string.Equals(r.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)))
                ranged.Range.Document(parameter.Schema as OpenApiSchema);
    }

    private IEnumerable<(string Name, NumberRange Range, bool EachItem)> RangesOf(Type type)
    {
        if (type.ContainsGenericParameters || services.GetService(typeof(IValidator<>).MakeGenericType(type)) is not IValidator validator)
            yield break;
        foreach (var rule in validator.CreateDescriptor().Rules)
        {
            if (rule.PropertyName is not { Length: > 0 } name) continue;
            var range = rule.Components.Aggregate(new NumberRange(), (r, c) => r.With(c.Validator));
            if (!range.IsEmpty) yield return (name, range, IsCollectionRule(rule));
        }
    }

    private static bool IsCollectionRule(IValidationRule rule) =>
        rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));

    /// <summary>The bounds of one rule; a bound compared with another property (not a constant) documents nothing.</summary>
    private sealed record NumberRange(object? Minimum = null, bool ExclusiveMinimum = false, object? Maximum = null, bool ExclusiveMaximum = false)
    {
        public bool IsEmpty => Minimum is null && Maximum is null;

        public NumberRange With(IPropertyValidator validator) => validator switch
        {
            IBetweenValidator between => this with
            {
                Minimum = between.From,
                Maximum = between.To,
                ExclusiveMinimum = between is not IInclusiveBetweenValidator,
                ExclusiveMaximum = between is not IInclusiveBetweenValidator,
            },
            IComparisonValidator { ValueToCompare: { } value } comparison => comparison.Comparison switch
            {
                Comparison.GreaterThan => this with { Minimum = value, ExclusiveMinimum = true },
                Comparison.GreaterThanOrEqual => this with { Minimum = value, ExclusiveMinimum = false },
                Comparison.LessThan => this with { Maximum = value, ExclusiveMaximum = true },
                Comparison.LessThanOrEqual => this with { Maximum = value, ExclusiveMaximum = false },
                _ => this,
            },
            _ => this,
        };

        public void Document(OpenApiSchema? schema)
        {
            if (schema?.Type is not { } type || (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) == 0) return;
            if (Minimum is not null)
            {
                if (ExclusiveMinimum) schema.ExclusiveMinimum = Text(Minimum);
                else schema.Minimum = Text(Minimum);
            }
            if (Maximum is not null)
            {
                if (ExclusiveMaximum) schema.ExclusiveMaximum = Text(Maximum);
                else schema.Maximum = Text(Maximum);
            }
        }

        private static string Text(object bound) => Convert.ToString(bound, CultureInfo.InvariantCulture)!;
    }
}
