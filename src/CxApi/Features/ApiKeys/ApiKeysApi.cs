using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Formats;
using CxApi.Common.Http;
using CxApi.Common.Idempotency;
using CxApi.Common.Paging;
using CxApi.Common.Problems;
using CxApi.Common.Validation;
using CxApi.Features.Audit;
using CxApi.Infrastructure;
using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CxApi.Features.ApiKeys;

public static class ApiKeysApi
{
    public static IEndpointRouteBuilder MapApiKeys(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/api-keys").WithTags("API keys").RequireAuthorization(Policies.Admin);

        group.MapCreate<CreateApiKeyRequest>(CreateApiKey, "Create an API key; its secret is shown only in this response")
            // A replayed creation never shows the secret again: it is not stored anywhere.
            .WithMetadata(new RedactOnReplay("key"));
        group.MapList<ApiKeyListQuery>(ListApiKeys, "List API keys (never their secrets), newest first").WithCsvList<ApiKey>();
        group.MapGetById(GetApiKey, "Get one API key (never its secret)").WithMetadata(HttpCaching.Revalidate);
        group.MapDeleteById(RevokeApiKey, "Revoke an API key; it fails from its next request on").ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/rotate", RotateApiKey).Validate<RotateApiKeyRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithMetadata(new RedactOnReplay("key")) // as for a creation: the new secret is never shown again
            .Named(RotateApiKey, "Rotate an API key: a new secret, shown only in this response; the old one keeps working for the grace period");
        return app;
    }

    public static async Task<Created<CreatedApiKey>> CreateApiKey(
        CreateApiKeyRequest request, CxDbContext db, AuditTrail audit, TimeProvider clock, TypeAdapterConfig mapping, CancellationToken ct)
    {
        var secret = ApiKeySecrets.Generate();
        var entity = request.ToEntity(secret, UnixMicros.From(clock.GetUtcNow()));
        db.ApiKeys.Add(entity);
        audit.Record(AuditAction.Created, AuditTargets.ApiKey, entity.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/v1/api-keys/{entity.Id}", entity.Adapt<CreatedApiKey>(mapping) with { Key = secret });
    }

    public static async Task<Results<Ok<Page<ApiKey>>, CsvResult>> ListApiKeys(
        [AsParameters] ApiKeyListQuery query, CxDbContext db, LastUsedTracker lastUsed, TypeAdapterConfig mapping, HttpResponse response,
        CancellationToken ct)
    {
        await lastUsed.FlushAsync(db, ct);
        var filtered = db.ApiKeys.AsNoTracking()
            .InRange(k => k.CreatedAtMicros, query.FromMicros(), query.ToMicros());
        return await ListResults.PageAsync(filtered, k => k.CreatedAtMicros, rows => rows.ProjectToType<ApiKey>(mapping),
            k => new Cursor(UnixMicros.From(k.CreatedAt), k.Id), query, response.HttpContext, ct);
    }

    public static async Task<Results<Ok<ApiKey>, ProblemHttpResult>> GetApiKey(
        string id, CxDbContext db, LastUsedTracker lastUsed, TypeAdapterConfig mapping, CancellationToken ct)
    {
        await lastUsed.FlushAsync(db, ct);
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, ct);
        return key is null ? Problems.NotFound("API key", id) : TypedResults.Ok(key.Adapt<ApiKey>(mapping));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeApiKey(
        string id, CxDbContext db, IMemoryCache cache, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null) return Problems.NotFound("API key", id);
        if (key.RevokedAtMicros is not null) return TypedResults.NoContent();
        const string lastAdmin = "This is the last active admin key; create another admin key before revoking it.";
        var now = UnixMicros.From(clock.GetUtcNow());
        if (key.Role == ApiKeyRole.Admin && !await db.ApiKeys.AnyAsync(k => k.Id != id && k.Role == ApiKeyRole.Admin && k.RevokedAtMicros == null
                && (k.ExpiresAtMicros == null || k.ExpiresAtMicros > now), ct))
            return Problems.Conflict(lastAdmin);

        key.RevokedAtMicros = now;
        audit.Record(AuditAction.Revoked, AuditTargets.ApiKey, id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsLastAdminGuard(e))
        {
            return Problems.Conflict(lastAdmin); // a concurrent revocation took the other admin key first
        }
        // fails from its very next request here, whichever of its secrets is sent
        cache.Remove(ApiKeyAuthenticationHandler.CacheKey(key.Hash));
        if (key.PreviousHash is not null) cache.Remove(ApiKeyAuthenticationHandler.CacheKey(key.PreviousHash));
        return TypedResults.NoContent();
    }

    /// <summary>
    /// A new secret for the same key (id, role, partner and expiry stay); the replaced secret works until the grace
    /// period ends, and the one a rotation before replaced stops at once.
    /// </summary>
    public static async Task<Results<Ok<RotatedApiKey>, ProblemHttpResult>> RotateApiKey(
        string id, RotateApiKeyRequest? request, CxDbContext db, AuditTrail audit, IMemoryCache cache, TimeProvider clock,
        TypeAdapterConfig mapping, CancellationToken ct)
    {
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null) return Problems.NotFound("API key", id);
        if (key.RevokedAtMicros is not null) return Problems.Conflict("This API key is revoked and cannot be rotated; create a new key.");
        var now = clock.GetUtcNow();
        if (key.ExpiresAtMicros <= UnixMicros.From(now)) return Problems.Conflict("This API key has expired and cannot be rotated; create a new key.");

        var secret = ApiKeySecrets.Generate();
        var (replaced, dropped) = (key.Hash, key.PreviousHash);
        var (hash, prefix, graceEnds) = (ApiKeySecrets.Hash(secret), ApiKeySecrets.DisplayPrefix(secret), UnixMicros.From(now + RotateApiKeyValidator.GraceOf(request)));
        // Only if nothing rotated or revoked it since it was read: two rotations at once must not both hand out a secret.
        var rotated = await audit.WithEventsAsync(async () =>
        {
            var changed = await db.ApiKeys.Where(k => k.Id == id && k.Hash == replaced && k.RevokedAtMicros == null)
                .ExecuteUpdateAsync(u => u.SetProperty(k => k.Hash, hash).SetProperty(k => k.Prefix, prefix)
                    .SetProperty(k => k.PreviousHash, replaced).SetProperty(k => k.PreviousHashExpiresAtMicros, graceEnds), ct);
            if (changed > 0) audit.Record(AuditAction.Rotated, AuditTargets.ApiKey, id);
            return changed;
        }, ct);
        if (rotated == 0) return Problems.Conflict("This API key was rotated or revoked by another request meanwhile; read it again before rotating.");

        cache.Remove(ApiKeyAuthenticationHandler.CacheKey(replaced)); // now accepted only until the grace period ends
        if (dropped is not null) cache.Remove(ApiKeyAuthenticationHandler.CacheKey(dropped));
        (key.Hash, key.Prefix, key.PreviousHash, key.PreviousHashExpiresAtMicros) = (hash, prefix, replaced, graceEnds);
        return TypedResults.Ok(key.Adapt<RotatedApiKey>(mapping) with { Key = secret });
    }
}
