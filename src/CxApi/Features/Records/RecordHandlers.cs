using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Problems;
using CxApi.Features.Audit;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Ingest;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Features.Records;

/// <summary>Create, get, patch and delete behave the same for every record kind.</summary>
public static class RecordHandlers
{
    public static async Task<Results<Created<TContract>, ProblemHttpResult>> CreateAsync<T, TContract>(
        CxDbContext db, RecordIngest ingest, RecordResource resource, T record, Func<T, TContract> toContract, HttpResponse response, CancellationToken ct)
        where T : RecordEntity
    {
        switch (await ingest.InsertAsync(db, record, ct))
        {
            case InsertOutcome.Duplicate duplicate:
                return Problems.DuplicateExternalId(resource.Name, record.ExternalId!, duplicate.ExistingId, resource.ExternalIdField);
            case InsertOutcome.MissingReference missing:
                return Problems.ReferenceDeleted(missing.Field, missing.Message);
        }
        response.Headers.ETag = ETags.ForVersion(record.Version);
        return TypedResults.Created($"{resource.Path}/{record.Id}", toContract(record));
    }

    public static async Task<Results<Ok<TContract>, ProblemHttpResult>> GetAsync<T, TContract>(
        CxDbContext db, Caller caller, RecordResource resource, string id, Func<T, TContract> toContract, HttpResponse response, CancellationToken ct)
        where T : RecordEntity
    {
        var record = await db.Set<T>().AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null) return Problems.NotFound(resource.Name, id);
        response.Headers.ETag = ETags.ForVersion(record.Version);
        return TypedResults.Ok(toContract(record));
    }

    /// <summary>
    /// An ETag-guarded JSON Merge Patch: a stale <c>If-Match</c> is a 412 naming the current tag; the patched record
    /// must keep <paramref name="rules"/> (else a 400 that changes nothing); a real change raises the version (the ETag)
    /// and <c>updatedAt</c>, and a writer that got in between makes it a 412 too.
    /// </summary>
    public static async Task<Results<Ok<TContract>, ValidationProblem, ProblemHttpResult>> PatchAsync<T, TContract>(
        CxDbContext db, Caller caller, RecordResource resource, string id, Action<T> apply, Func<T, IEnumerable<(string Field, string Message)>> rules,
        Func<T, TContract> toContract, HttpContext http, TimeProvider clock, CancellationToken ct, AuditTrail? audit = null)
        where T : RecordEntity, IEvolvingRecord
    {
        var entity = await db.Set<T>().VisibleTo(caller).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (entity is null) return Problems.NotFound(resource.Name, id);
        var current = ETags.ForVersion(entity.Version);
        if (!ETags.IfMatchAllows(http.Request, current)) return Problems.PreconditionFailed(current);

        apply(entity);
        var errors = rules(entity).GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        if (errors.Count > 0) return Problems.Validation(errors);

        if (db.ChangeTracker.HasChanges())
        {
            entity.Version++;
            entity.UpdatedAtMicros = UnixMicros.From(clock.GetUtcNow());
            audit?.Record(AuditAction.Updated, resource.Name, id);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another writer changed it between our read and write (the caller's tag is stale too), or deleted it.
                var latest = await db.Set<T>().AsNoTracking().Where(r => r.Id == id).Select(r => (int?)r.Version).FirstOrDefaultAsync(ct);
                return latest is { } version ? Problems.PreconditionFailed(ETags.ForVersion(version)) : Problems.NotFound(resource.Name, id);
            }
        }
        http.Response.Headers.ETag = ETags.ForVersion(entity.Version);
        return TypedResults.Ok(toContract(entity));
    }

    /// <summary>Deletes one record, and writes its audit event in the same save.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync<T>(
        CxDbContext db, Caller caller, AuditTrail audit, RecordResource resource, string id, CancellationToken ct) where T : RecordEntity =>
        await db.DeleteAsync(db.Set<T>().VisibleTo(caller), id, ct, () => audit.Record(AuditAction.Deleted, resource.Name, id))
            ? TypedResults.NoContent() : Problems.NotFound(resource.Name, id);
}
