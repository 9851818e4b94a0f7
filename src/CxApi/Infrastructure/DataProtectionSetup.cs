using System.Xml.Linq;
using CxApi.Common;
using CxApi.Infrastructure.Entities;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
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

/// <summary>The key ring's XML elements as rows of <c>DataProtectionKeys</c>.</summary>
internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var keys = scope.ServiceProvider.GetRequiredService<CxDbContext>().Set<DataProtectionKeyEntity>().AsNoTracking().Select(k => k.Xml).ToList();
        return keys.ConvertAll(XElement.Parse);
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CxDbContext>();
        db.Set<DataProtectionKeyEntity>().Add(new DataProtectionKeyEntity
        {
            Id = Ids.New(), FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting),
        });
        // IXmlRepository is synchronous while CxDbContext saves only asynchronously; a key is written about once in 90 days.
        db.SaveChangesAsync(CancellationToken.None).GetAwaiter().GetResult();
    }
}
