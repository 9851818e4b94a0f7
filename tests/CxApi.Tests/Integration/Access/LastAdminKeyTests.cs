using CxApi.Common;
using CxApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using System.Net;

namespace CxApi.Tests.Integration.Access;

public sealed class LastAdminKeyTests
{
    private static Task<int> ActiveAdminsAsync(CxApiFactory factory) =>
        factory.WithDbAsync(db => db.ApiKeys.CountAsync(k => k.Role == ApiKeyRole.Admin && k.RevokedAtMicros == null));

    [Fact]
    public async Task TwoAdminKeysRevokingEachOtherAtTheSameMomentLeaveOneActive()
    {
        using var factory = new CxApiFactory();
        var (survivorKey, survivorId) = (CxApiFactory.AdminKey, await factory.WithDbAsync(db => db.ApiKeys.Select(k => k.Id).SingleAsync()));

        for (var round = 0; round < 12; round++)
        {
            var created = await factory.CreateClient(survivorKey).PostOkAsync("/v1/api-keys", new { name = $"admin {round}", role = "admin" });
            var (otherKey, otherId) = (created.GetProperty("key").GetString()!, created.GetProperty("id").GetString()!);
            using var a = factory.CreateClient(survivorKey);
            using var b = factory.CreateClient(otherKey);
            using var start = new Barrier(2);
            var revocations = await Task.WhenAll(
                Task.Run(() => { start.SignalAndWait(); return a.DeleteAsync($"/v1/api-keys/{otherId}"); }),
                Task.Run(() => { start.SignalAndWait(); return b.DeleteAsync($"/v1/api-keys/{survivorId}"); }));

            // One revocation wins; the other is refused (409), or its key is already revoked when it arrives (401).
            var statuses = revocations.Select(r => r.StatusCode).ToList();
            Assert.Single(statuses, HttpStatusCode.NoContent);
            Assert.Contains(statuses.Single(s => s != HttpStatusCode.NoContent), new[] { HttpStatusCode.Conflict, HttpStatusCode.Unauthorized });
            Assert.Equal(1, await ActiveAdminsAsync(factory));
            if (revocations[1].StatusCode == HttpStatusCode.NoContent) (survivorKey, survivorId) = (otherKey, otherId);
            Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient(survivorKey).GetAsync("/v1/api-keys")).StatusCode);
        }
    }

    [Fact]
    public async Task TheDatabaseItselfRefusesToRevokeOrDeleteTheLastActiveAdminKey()
    {
        using var factory = new CxApiFactory();
        await factory.CreateKeyAsync("admin");
        await factory.CreateKeyAsync("read");
        Assert.Equal(2, await ActiveAdminsAsync(factory));

        // Statements that skip the API's own check: each would leave no active admin key.
        foreach (var sql in new[]
                 {
                     """UPDATE "ApiKeys" SET "RevokedAtMicros" = 1 WHERE "Role" = 'admin'""",
                     """DELETE FROM "ApiKeys" WHERE "Role" = 'admin'""",
                 })
        {
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql)));
            Assert.Contains("last active admin key", refused.Message + refused.InnerException?.Message);
            Assert.Equal(2, await ActiveAdminsAsync(factory));
        }

        // Revoking all but one, and any other key, is allowed.
        Assert.Equal(2, await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            """UPDATE "ApiKeys" SET "RevokedAtMicros" = 1 WHERE "Role" <> 'admin' OR "Id" = (SELECT MAX("Id") FROM "ApiKeys" WHERE "Role" = 'admin')""")));
        Assert.Equal(1, await ActiveAdminsAsync(factory));
    }

    [Fact]
    public async Task RevokingTheLastAdminKeyThroughTheApiIsAConflict()
    {
        using var factory = new CxApiFactory();
        var id = await factory.WithDbAsync(db => db.ApiKeys.Select(k => k.Id).SingleAsync());
        await (await factory.CreateClient().DeleteAsync($"/v1/api-keys/{id}")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, await ActiveAdminsAsync(factory));
    }
}
