using CxApi.Common;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using System.Security.Cryptography;
using System.Text;

namespace CxApi.Features.Audit;

/// <summary>
/// Names a customer in the audit trail without the id: HMAC-SHA256 of the id (hex) under a random 256-bit key that
/// the first instance to need it stores in the <c>AuditKeys</c> table, encrypted with Data Protection (whose key ring is
/// in the database too), so every instance hashes alike and the same customer always has the same hash, while no one
/// without the key can test a guessed id against it.
/// </summary>
public sealed class CustomerIdHasher(IServiceScopeFactory scopes, IDataProtectionProvider dataProtection, TimeProvider clock)
{
    private const string KeyId = "customer-id-hmac";
    private readonly IDataProtector _protector = dataProtection.CreateProtector("CxApi.Audit.CustomerIdKey");
    private byte[]? _key;

    public async Task<string> HashAsync(string customerId, CancellationToken ct)
    {
        var key = _key ??= await LoadAsync(ct);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(customerId)));
    }

    /// <summary>
    /// The stored key, created when there is none. Read in a scope of its own, outside the caller's transaction, so a
    /// rolled-back action cannot take a key with it that this instance has already used; instances racing to create it
    /// all read back the one row that was inserted first.
    /// </summary>
    private async Task<byte[]> LoadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CxDbContext>();
        var stored = await db.Set<AuditKeyEntity>().AsNoTracking().Where(k => k.Id == KeyId).Select(k => k.ProtectedKey).FirstOrDefaultAsync(ct);
        if (stored is null)
        {
            var fresh = _protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "AuditKeys" ("Id", "ProtectedKey", "CreatedAtMicros") VALUES ({KeyId}, {fresh}, {UnixMicros.From(clock.GetUtcNow())}) ON CONFLICT DO NOTHING""", ct);
            stored = await db.Set<AuditKeyEntity>().AsNoTracking().Where(k => k.Id == KeyId).Select(k => k.ProtectedKey).FirstAsync(ct);
        }
        return Convert.FromBase64String(_protector.Unprotect(stored));
    }
}
