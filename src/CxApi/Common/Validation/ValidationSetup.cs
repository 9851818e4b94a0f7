using System.Text.Json;
using FluentValidation;

namespace CxApi.Common.Validation;

public static class ValidationSetup
{
    public static IServiceCollection AddCxValidation(this IServiceCollection services)
    {
        UseJsonNames();
        // Scoped: some validators look records up in the database.
        AssemblyScanner.FindValidatorsInAssembly(typeof(ValidationSetup).Assembly, includeInternalTypes: true)
            .ForEach(r => services.AddScoped(r.InterfaceType, r.ValidatorType));
        return services;
    }

    /// <summary>Error keys and messages use the JSON names callers send (<c>answers[3]</c>, <c>items[7].rating</c>).</summary>
    public static void UseJsonNames()
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
    }
}
