using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Formats;
using CxApi.Common.Http;
using CxApi.Common.Paging;
using CxApi.Common.Problems;
using CxApi.Features.Audit;
using CxApi.Features.Records;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Ingest;
using CxApi.Infrastructure.Records;
using FluentValidation;
using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Features.Interactions;

public static class InteractionsApi
{
    private static readonly RecordResource Resource = new("interaction", "/v1/interactions");

    public static IEndpointRouteBuilder MapInteractions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Resource.Path).WithTags("Interactions").RequireAuthorization(Policies.ReadRecords);

        var routes = group.MapRecordRoutes<CreateInteractionRequest, InteractionListQuery, Interaction>(
            (CreateInteraction, "Record a ticket, chat, call or digital session with its timings"),
            (CreateInteractionBatch, "Record up to 1,000 interactions in one transaction, with a result per item"),
            (ListInteractions, "List interactions, newest opened first, with filters"),
            (GetInteraction, "Get one interaction (with its ETag)"),
            (DeleteInteraction, "Delete an interaction that no response refers to"));
        routes.Delete.ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPatchById<UpdateInteractionRequest>(UpdateInteraction, "Update an interaction's evolving fields (If-Match: its ETag)")
            .RequireAuthorization(Policies.Ingest).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return app;
    }

    public static async Task<Results<Created<Interaction>, ProblemHttpResult>> CreateInteraction(
        CreateInteractionRequest request, CxDbContext db, RecordIngest ingest, Caller caller, TimeProvider clock, TypeAdapterConfig mapping,
        HttpResponse response, CancellationToken ct)
    {
        var entity = request.ToEntity(caller, UnixMicros.From(clock.GetUtcNow()));
        return await RecordHandlers.CreateAsync(db, ingest, Resource, entity, i => i.Adapt<Interaction>(mapping), response, ct);
    }

    public static async Task<Ok<BatchResult>> CreateInteractionBatch(
        BatchRequest batch, RecordBatches batches, IValidator<CreateInteractionRequest> validator, Caller caller, TimeProvider clock, CancellationToken ct)
    {
        var now = UnixMicros.From(clock.GetUtcNow());
        return TypedResults.Ok(await batches.StoreAsync(batch, validator, (CreateInteractionRequest r) => ValueTask.FromResult(r.ToEntity(caller, now)), ct));
    }

    public static async Task<Results<Ok<Page<Interaction>>, CsvResult>> ListInteractions(
        [AsParameters] InteractionListQuery query, CxDbContext db, Caller caller, TypeAdapterConfig mapping, HttpResponse response,
        CancellationToken ct)
    {
        var statuses = query.Status?.Select(EnumText<InteractionStatus>.Parse).ToList();
        var filtered = RecordKinds.Interactions.WhereDimensions(db.Interactions.AsNoTracking().VisibleTo(caller), query)
            .WhereAny(statuses, i => i.Status)
            .WhereAny(query.CustomerId, i => i.CustomerId)
            .InRange(i => i.OpenedAtMicros, query.FromMicros(), query.ToMicros());
        return await ListResults.PageAsync(filtered, i => i.OpenedAtMicros, rows => rows.ProjectToType<Interaction>(mapping),
            i => new Cursor(UnixMicros.From(i.OpenedAt), i.Id), query, response.HttpContext, ct);
    }

    public static Task<Results<Ok<Interaction>, ProblemHttpResult>> GetInteraction(
        string id, CxDbContext db, Caller caller, TypeAdapterConfig mapping, HttpResponse response, CancellationToken ct) =>
        RecordHandlers.GetAsync<InteractionEntity, Interaction>(db, caller, Resource, id, i => i.Adapt<Interaction>(mapping), response, ct);

    public static Task<Results<Ok<Interaction>, ValidationProblem, ProblemHttpResult>> UpdateInteraction(
        string id, UpdateInteractionRequest patch, CxDbContext db, Caller caller, TimeProvider clock, TypeAdapterConfig mapping, HttpContext http,
        CancellationToken ct) =>
        RecordHandlers.PatchAsync<InteractionEntity, Interaction>(db, caller, Resource, id, e => e.Apply(patch),
            e => InteractionRules.Check(e.OpenedAtMicros, e.FirstResponseAtMicros, e.ResolvedAtMicros, e.Status),
            e => e.Adapt<Interaction>(mapping), http, clock, ct);

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteInteraction(
        string id, CxDbContext db, Caller caller, AuditTrail audit, CancellationToken ct)
    {
        try
        {
            return await RecordHandlers.DeleteAsync<InteractionEntity>(db, caller, audit, Resource, id, ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsForeignKeyViolation(e))
        {
            // The Restrict foreign key is the check, in the delete itself: a response linked at the same moment
            // either commits first (and the delete fails) or finds the interaction gone.
            var referencing = await db.Responses.CountAsync(r => r.InteractionId == id, ct);
            return Problems.Conflict($"Interaction '{id}' is rated by {referencing} responses; delete those first.");
        }
    }
}
