using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Formats;
using CxApi.Common.Http;
using CxApi.Common.Idempotency;
using CxApi.Common.Paging;
using CxApi.Common.Problems;
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
        if (key.Role == ApiKeyRole.Admin &&
            !await db.ApiKeys.AnyAsync(k => k.Id != id && k.Role == ApiKeyRole.Admin && k.RevokedAtMicros == null, ct))
            return Problems.Conflict(lastAdmin);

        key.RevokedAtMicros = UnixMicros.From(clock.GetUtcNow());
        audit.Record(AuditAction.Revoked, AuditTargets.ApiKey, id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsLastAdminGuard(e))
        {
            return Problems.Conflict(lastAdmin); // a concurrent revocation took the other admin key first
        }
        cache.Remove(ApiKeyAuthenticationHandler.CacheKey(key.Hash)); // fails from its very next request here
        return TypedResults.NoContent();
    }
}
