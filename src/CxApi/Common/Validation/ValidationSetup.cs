using FluentValidation;
using System.Text.Json;

namespace CxApi.Common.Validation;

public static class ValidationSetup
{
    public static IServiceCollection AddCxValidation(this IServiceCollection services)
    {
        UseJsonNames();
        // Every IValidator<T> of the API, found by FluentValidation.DependencyInjectionExtensions. Singletons: building
        // a validator's rules costs far more than running them. Constructor arguments come from the container (the
        // TimeProvider); a validator that needs request services (the database, the caller) takes them from its
        // ValidationContext (see ContextFor). The endpoint filter (ValidationFilter) runs them; see docs/validation.md.
        return services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);
    }

    private const string ServicesKey = "services";

    /// <summary>A validation context that carries the request's services.</summary>
    public static ValidationContext<T> ContextFor<T>(T instance, IServiceProvider requestServices)
    {
        var context = new ValidationContext<T>(instance);
        context.RootContextData[ServicesKey] = requestServices;
        return context;
    }

    /// <summary>A request service, from a context made by <see cref="ContextFor{T}"/>.</summary>
    public static TService Service<TService>(this IValidationContext context) where TService : notnull =>
        context.RootContextData.TryGetValue(ServicesKey, out var services)
            ? ((IServiceProvider)services).GetRequiredService<TService>()
            : throw new InvalidOperationException($"Validate with ValidationSetup.ContextFor to give the validator its {typeof(TService).Name}.");

    /// <summary>Error keys and messages use the JSON names callers send (<c>answers[3]</c>, <c>items[7].rating</c>).</summary>
    public static void UseJsonNames()
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
    }
}
