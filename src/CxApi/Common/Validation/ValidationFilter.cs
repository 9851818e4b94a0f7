using FluentValidation;

namespace CxApi.Common.Validation;

/// <summary>Runs the registered <see cref="IValidator{T}"/> on the endpoint's <typeparamref name="T"/> argument.</summary>
public sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var argument = context.Arguments.OfType<T>().FirstOrDefault();
        if (argument is null) return Problems.Problems.Validation("$", "A request body is required.");

        var result = await validator.ValidateAsync(
            ValidationSetup.ContextFor(argument, context.HttpContext.RequestServices), context.HttpContext.RequestAborted);
        return result.IsValid ? await next(context) : Problems.Problems.Validation(result.ToDictionary());
    }
}
