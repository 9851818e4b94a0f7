using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Formats;
using CxApi.Common.Validation;
using CxApi.Features.Deployments;
using CxApi.Features.Incidents;
using CxApi.Features.Interactions;
using CxApi.Features.Responses;
using CxApi.Features.Reviews;
using CxApi.Features.Services;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Records;
using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Features.Changes;

/// <summary>
/// Incremental sync for BI tools: every create, update and delete of a resource's records in commit order
/// (see <see cref="ChangeLog"/>), resumable from a token, as JSON or NDJSON.
/// </summary>
public static class ChangesApi
{
    public const string Ndjson = "application/x-ndjson";

    private static readonly AlternateMediaType NdjsonForm = new(Ndjson,
        "One change per line (the objects of `changes`), then a checkpoint line `{\"op\": \"checkpoint\", \"nextToken\": …, \"hasMore\": …}`.");

    private const string Replay = "Send `Accept: application/x-ndjson` for one change per line followed by a checkpoint line with `nextToken`. " +
                                  "Replaying from the last token never misses nor repeats a change, while writes go on.";

    public static IEndpointRouteBuilder MapChanges(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/changes").WithTags("Changes").RequireAuthorization(Policies.ReadRecords);

        MapFeed<ResponseEntity, SurveyResponse>(group, RecordKinds.Responses, "GetResponseChanges",
            "Survey responses created, updated or deleted after a token, in commit order");
        MapFeed<InteractionEntity, Interaction>(group, RecordKinds.Interactions, "GetInteractionChanges",
            "Interactions created, updated or deleted after a token, in commit order");
        MapFeed<ReviewEntity, Review>(group, RecordKinds.Reviews, "GetReviewChanges",
            "Reviews created or deleted after a token, in commit order");
        MapFeed<DeploymentEntity, Deployment>(group, RecordKinds.Deployments, "GetDeploymentChanges",
            "Deployments created or deleted after a token, in commit order");
        MapFeed<IncidentEntity, Incident>(group, RecordKinds.Incidents, "GetIncidentChanges",
            "Incidents created, updated or deleted after a token, in commit order");
        MapFeed<ServiceEntity, Service>(group, RecordKinds.Services, "GetServiceChanges",
            "Services added, changed or deleted after a token, in commit order");
        return app;
    }

    /// <summary>A record kind's feed at <c>/v1/changes/{kind}</c>, its records read as <typeparamref name="TContract"/>.</summary>
    private static void MapFeed<T, TContract>(RouteGroupBuilder group, RecordKind<T> kind, string name, string summary)
        where T : RecordEntity where TContract : class =>
        group.MapGet($"/{kind.Name}", ([AsParameters] ChangesQuery query, CxDbContext db, Caller caller, TypeAdapterConfig mapping, HttpContext http,
                CancellationToken ct) => ChangesAsync(db.Set<T>(), kind.Name, r => r.Adapt<TContract>(mapping), query, db, caller, http, ct))
            .Validate<ChangesQuery>().WithMetadata(NdjsonForm).WithDescription(Replay).WithName(name).WithSummary(summary);

    /// <summary>
    /// Reads up to the resource's committed counter, so a change that commits later always gets a higher
    /// number than the token handed out here. A record changed again since it was listed shows its newest
    /// state and reappears at its new number; a deleted one is left out here and its tombstone follows.
    /// </summary>
    private static async Task<Results<Ok<ChangePage<TContract>>, NdjsonResult>> ChangesAsync<T, TContract>(
        IQueryable<T> records, string resource, Func<T, TContract> toContract, ChangesQuery query, CxDbContext db, Caller caller,
        HttpContext http, CancellationToken ct) where T : RecordEntity where TContract : class
    {
        var (after, limit) = (query.After, query.PageSize);
        var upTo = await ChangeLog.LastCommittedAsync(db, resource, ct);

        var upserts = await records.AsNoTracking().VisibleTo(caller)
            .Where(r => r.ChangeSeq > after && r.ChangeSeq <= upTo)
            .OrderBy(r => r.ChangeSeq).Take(limit + 1)
            .ToListAsync(ct);
        var deletes = await db.Set<TombstoneEntity>().AsNoTracking()
            .Where(t => t.Resource == resource && t.Seq > after && t.Seq <= upTo)
            .Where(t => caller.SeesAllRecords || t.ClientId == caller.ClientId)
            .OrderBy(t => t.Seq).Take(limit + 1)
            .ToListAsync(ct);

        var changes = upserts
            .Select(r => new Change<TContract>(r.ChangeSeq, ChangeToken.Encode(r.ChangeSeq), ChangeOp.Upsert, r.Id, toContract(r), null))
            .Concat(deletes.Select(t => new Change<TContract>(
                t.Seq, ChangeToken.Encode(t.Seq), ChangeOp.Delete, t.RecordId, default, UnixMicros.ToDateTimeOffset(t.DeletedAtMicros))))
            .OrderBy(c => c.Seq)
            .ToList();
        var hasMore = changes.Count > limit;
        if (hasMore) changes.RemoveRange(limit, changes.Count - limit);
        var next = ChangeToken.Encode(hasMore ? changes[^1].Seq : Math.Max(upTo, after));

        http.Response.Headers.CacheControl = "no-store";
        if (!AcceptHeader.Prefers(http.Request, Ndjson)) return TypedResults.Ok(new ChangePage<TContract>(changes, next, hasMore));
        return new NdjsonResult([.. changes, new ChangeCheckpoint("checkpoint", next, hasMore)]);
    }
}
