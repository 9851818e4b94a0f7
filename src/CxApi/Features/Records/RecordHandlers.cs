using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Problems;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Ingest;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Features.Records;

/// <summary>Create, get and delete behave the same for responses, interactions and reviews.</summary>
public static class RecordHandlers
{
    public static async Task<Results<Created<TContract>, ProblemHttpResult>> CreateAsync<T, TContract>(
        CxDbContext db, RecordIngest ingest, RecordResource resource, T record, Func<T, TContract> toContract, HttpResponse response, CancellationToken ct)
        where T : RecordEntity
    {
        switch (await ingest.InsertAsync(db, record, ct))
        {
            case InsertOutcome.Duplicate duplicate:
                return Problems.DuplicateExternalId(resource.Name, record.ExternalId!, duplicate.ExistingId);
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

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync<T>(
        CxDbContext db, Caller caller, RecordResource resource, string id, CancellationToken ct) where T : RecordEntity =>
        await db.DeleteAsync(db.Set<T>().VisibleTo(caller), id, ct) ? TypedResults.NoContent() : Problems.NotFound(resource.Name, id);
}
