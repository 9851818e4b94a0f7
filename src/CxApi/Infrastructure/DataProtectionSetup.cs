using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace CxApi.Infrastructure;

public static class DataProtectionSetup
{
    /// <summary>The same on every instance: Data Protection isolates applications by name (by default the content root path).</summary>
    public const string ApplicationName = "CxApi";

    /// <summary>ASP.NET Core Data Protection with its key ring in the application's database, so that every instance has every key.</summary>
    public static IServiceCollection AddCxDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
            o => o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));
        return services;
    }
}
