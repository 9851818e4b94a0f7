using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Features.Webhooks;

/// <summary>
/// Signing secrets at rest: encrypted with ASP.NET Core Data Protection, whose keys live in the database so
/// that any instance can sign. The plain secret is shown once, in the creation response, and stored nowhere.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("CxApi.Webhooks.SigningSecret");

    public string Protect(string secret) => _protector.Protect(secret);

    /// <exception cref="System.Security.Cryptography.CryptographicException">The key that protected it is not in the key ring.</exception>
    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);

    /// <summary>
    /// Encrypts the secrets stored in plain text before secrets were protected (they begin with <c>whsec_</c>, which
    /// a protected one never does). A row is rewritten only while it still holds the plain text read, so instances
    /// starting at once do each row once, and a second run finds nothing.
    /// </summary>
    public async Task<int> ProtectPlainTextAsync(CxDbContext db, CancellationToken ct)
    {
        var plain = await db.Set<WebhookEntity>().AsNoTracking()
            .Where(w => w.ProtectedSecret.StartsWith(WebhookSignature.SecretPrefix))
            .Select(w => new { w.Id, w.ProtectedSecret })
            .ToListAsync(ct);
        var protectedCount = 0;
        foreach (var webhook in plain)
        {
            var encrypted = Protect(webhook.ProtectedSecret);
            protectedCount += await db.Set<WebhookEntity>()
                .Where(w => w.Id == webhook.Id && w.ProtectedSecret == webhook.ProtectedSecret)
                .ExecuteUpdateAsync(u => u.SetProperty(w => w.ProtectedSecret, encrypted), ct);
        }
        return protectedCount;
    }
}
