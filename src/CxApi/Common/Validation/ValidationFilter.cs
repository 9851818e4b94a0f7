using FluentValidation;
using Microsoft.AspNetCore.Http.Metadata;
using System.Globalization;
using System.Text.Json;

namespace CxApi.Common.Validation;

/// <summary>Runs the registered <see cref="IValidator{T}"/> on the endpoint's <typeparamref name="T"/> argument.</summary>
public sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter
{
    /// <summary>
    /// The query names of <typeparamref name="T"/>'s decimal numbers. Binding reads them with the invariant culture, which
    /// takes a comma as a thousands separator (<c>priorWeight=1,5</c> would be 15); the raw text is checked here instead.
    /// </summary>
    private static readonly string[] Decimals = [.. typeof(T).GetProperties()
        .Where(p => p.PropertyType == typeof(double) || p.PropertyType == typeof(double?))
        .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var argument = context.Arguments.OfType<T>().FirstOrDefault();
        if (argument is null)
            return context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { IsOptional: true }
                ? await next(context) // a body the handler declares optional (a nullable parameter) may be left out
                : Problems.Problems.Validation("$", "A request body is required.");

        foreach (var name in Decimals)
            if (context.HttpContext.Request.Query.TryGetValue(name, out var raw)
                && raw.Any(v => !double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
                return Problems.Problems.Validation(name, "must be a number, with a decimal point and no thousands separator (1.5, not 1,5)");

        var result = await validator.ValidateAsync(
            ValidationSetup.ContextFor(argument, context.HttpContext.RequestServices), context.HttpContext.RequestAborted);
        return result.IsValid ? await next(context) : Problems.Problems.Validation(result.ToDictionary());
    }
}
