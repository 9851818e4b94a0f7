using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Formats;
using CxApi.Common.Http;
using CxApi.Common.Validation;
using CxApi.Features.Audit;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Ingest;
using FluentValidation;
using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxApi.Features.Records;

/// <summary>
/// The routes every ingested record kind has: create (409 on a reused externalId), batch (up to 1,000, a larger body
/// limit), list (JSON or CSV), get (with an ETag) and delete; writing takes an ingest key.
/// </summary>
public static class RecordRoutes
{
    public static RecordRouteBuilders MapRecordRoutes<TCreate, TListQuery, TRecord>(this IEndpointRouteBuilder group,
        (Delegate Handler, string Summary) create, (Delegate Handler, string Summary) batch, (Delegate Handler, string Summary) list,
        (Delegate Handler, string Summary) get, (Delegate Handler, string Summary) delete) =>
        new(group.MapCreate<TCreate>(create.Handler, create.Summary).RequireAuthorization(Policies.Ingest)
                .ProducesProblem(StatusCodes.Status409Conflict),
            group.MapPost("/batch", batch.Handler).Validate<BatchRequest>().RequireAuthorization(Policies.Ingest)
                .WithMetadata(new BodySizeLimit(BodySizeLimit.Batch)).Named(batch.Handler, batch.Summary),
            group.MapList<TListQuery>(list.Handler, list.Summary).WithCsvList<TRecord>(),
            group.MapGetById(get.Handler, get.Summary).WithMetadata(HttpCaching.Revalidate),
            group.MapDeleteById(delete.Handler, delete.Summary).RequireAuthorization(Policies.Ingest));

    /// <summary>
    /// The record routes of a kind whose create is its request's <paramref name="toEntity"/> (no lookups): create, batch,
    /// get and delete are the shared handlers, named after the resource (<c>CreateReview</c>, <c>CreateReviewBatch</c>,
    /// <c>GetReview</c>, <c>DeleteReview</c>); the list, whose filters are the kind's own, is <paramref name="list"/>.
    /// </summary>
    public static RecordRouteBuilders MapRecordRoutes<TCreate, TEntity, TListQuery, TContract>(this IEndpointRouteBuilder group,
        RecordResource resource, Func<TCreate, Caller, long, TEntity> toEntity, RecordSummaries summaries, Delegate list)
        where TCreate : class where TEntity : RecordEntity
    {
        var name = char.ToUpperInvariant(resource.Name[0]) + resource.Name[1..];
        // Each handler is a Delegate variable, not a lambda in the Map call: the route-handler analyzer fails on lambdas
        // over type parameters (AD0001), and the endpoint is the same either way.
        Delegate createHandler = async Task<Results<Created<TContract>, ProblemHttpResult>> (TCreate request, CxDbContext db, RecordIngest ingest, AuditTrail audit, Caller caller, TimeProvider clock,
                TypeAdapterConfig mapping, HttpResponse response, CancellationToken ct) =>
            {
                var record = toEntity(request, caller, UnixMicros.From(clock.GetUtcNow()));
                if (!resource.Audited) return await RecordHandlers.CreateAsync(db, ingest, resource, record, r => r.Adapt<TContract>(mapping), response, ct);
                return await audit.WithEventsAsync(async () =>
                {
                    var created = await RecordHandlers.CreateAsync(db, ingest, resource, record, r => r.Adapt<TContract>(mapping), response, ct);
                    if (created.Result is Created<TContract>) audit.Record(AuditAction.Created, resource.Name, record.Id);
                    return created;
                }, ct);
            };
        var create = group.MapPost("/", createHandler)
            .Validate<TCreate>().WithName($"Create{name}").WithSummary(summaries.Create)
            .RequireAuthorization(Policies.Ingest).ProducesProblem(StatusCodes.Status409Conflict);
        Delegate batchHandler = async (BatchRequest batch, RecordBatches batches, IValidator<TCreate> validator, AuditTrail audit, Caller caller,
                TimeProvider clock, CancellationToken ct) =>
            {
                var now = UnixMicros.From(clock.GetUtcNow());
                Task<BatchResult> Store() =>
                    batches.StoreAsync(batch, validator, (TCreate r) => ValueTask.FromResult(toEntity(r, caller, now)), ct, resource.ExternalIdField);
                if (!resource.Audited) return TypedResults.Ok(await Store());
                return TypedResults.Ok(await audit.WithEventsAsync(async () =>
                {
                    var stored = await Store();
                    foreach (var item in stored.Results.Where(i => i.Status == BatchItemStatus.Created)) audit.Record(AuditAction.Created, resource.Name, item.Id);
                    return stored;
                }, ct));
            };
        var batch = group.MapPost("/batch", batchHandler)
            .Validate<BatchRequest>().RequireAuthorization(Policies.Ingest).WithMetadata(new BodySizeLimit(BodySizeLimit.Batch))
            .WithName($"Create{name}Batch").WithSummary(summaries.Batch);
        var listed = group.MapList<TListQuery>(list, summaries.List).WithCsvList<TContract>();
        Delegate getHandler = (string id, CxDbContext db, Caller caller, TypeAdapterConfig mapping, HttpResponse response, CancellationToken ct) =>
            RecordHandlers.GetAsync<TEntity, TContract>(db, caller, resource, id, r => r.Adapt<TContract>(mapping), response, ct);
        var get = group.MapGet("/{id}", getHandler)
            .ProducesProblem(StatusCodes.Status404NotFound).WithName($"Get{name}").WithSummary(summaries.Get).WithMetadata(HttpCaching.Revalidate);
        Delegate deleteHandler = (string id, CxDbContext db, Caller caller, AuditTrail audit, CancellationToken ct) =>
            RecordHandlers.DeleteAsync<TEntity>(db, caller, audit, resource, id, ct);
        var delete = group.MapDelete("/{id}", deleteHandler)
            .ProducesProblem(StatusCodes.Status404NotFound).WithName($"Delete{name}").WithSummary(summaries.Delete)
            .RequireAuthorization(Policies.Ingest);
        return new(create, batch, listed, get, delete);
    }
}
