using Mapster;
using System.Reflection;

namespace CxApi.Common.Mapping;

/// <summary>
/// The one Mapster configuration of the API: every <see cref="IRegister"/> of the assembly (one per feature, in
/// <c>Features/&lt;Feature&gt;/&lt;Feature&gt;Mappings.cs</c>), strict, built and compiled once at start and shared as a
/// singleton. Handlers take it from the container and map with <c>Adapt&lt;T&gt;(config)</c> or, for lists the
/// database can project, <c>ProjectToType&lt;T&gt;(config)</c>. <see cref="TypeAdapterConfig.GlobalSettings"/> is never used.
/// </summary>
public static class MappingSetup
{
    public static IServiceCollection AddCxMapping(this IServiceCollection services, Assembly assembly) =>
        services.AddSingleton(Build(assembly));

    /// <summary>
    /// Scans <paramref name="assembly"/> for registrations and compiles every mapping: a contract member that no
    /// source member or explicit rule fills (<see cref="TypeAdapterConfig.RequireDestinationMemberSource"/>) fails here, at start.
    /// </summary>
    public static TypeAdapterConfig Build(Assembly assembly)
    {
        var config = new TypeAdapterConfig { RequireDestinationMemberSource = true };
        config.Scan(assembly);
        config.Compile();
        config.CompileProjection(); // the database projections (ProjectToType) too
        return config;
    }
}
