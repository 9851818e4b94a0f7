using CxApi.Common;
using CxApi.Infrastructure.Entities;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using System.Xml.Linq;

namespace CxApi.Infrastructure;

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
            Id = Ids.New(),
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
        });
        // IXmlRepository is synchronous while CxDbContext saves only asynchronously; a key is written about once in 90 days.
        db.SaveChangesAsync(CancellationToken.None).GetAwaiter().GetResult();
    }
}
