using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Formats;
using CxApi.Common.Http;
using CxApi.Common.Paging;
using CxApi.Features.Records;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Ingest;
using CxApi.Infrastructure.Records;
using FluentValidation;
using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Features.Services;

/// <summary>
/// The service catalogue: each IT or digital service with the key that records, incidents and deployments name in
/// <c>service</c>, its tier, whether customers use it and the team that owns it.
/// </summary>
public static class ServicesApi
{
    private static readonly RecordResource Resource = new("service", "/v1/services", ExternalIdField: "key");

    public static IEndpointRouteBuilder MapServices(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Resource.Path).WithTags("Services").RequireAuthorization(Policies.ReadRecords);

        group.MapRecordRoutes<CreateServiceRequest, ServiceListQuery, Service>(
            (CreateService, "Add a service to the catalogue (409 when its key is taken)"),
            (CreateServiceBatch, "Add up to 1,000 services in one transaction, with a result per item"),
            (ListServices, "List services, newest added first, with filters"),
            (GetService, "Get one service (with its ETag)"),
            (DeleteService, "Delete a service from the catalogue"));
        group.MapPatchById<UpdateServiceRequest>(UpdateService, "Rename, re-tier or hand over a service (If-Match: its ETag)")
            .RequireAuthorization(Policies.Ingest).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return app;
    }

    public static async Task<Results<Created<Service>, ProblemHttpResult>> CreateService(
        CreateServiceRequest request, CxDbContext db, RecordIngest ingest, Caller caller, TimeProvider clock, TypeAdapterConfig mapping,
        HttpResponse response, CancellationToken ct)
    {
        var entity = request.ToEntity(caller, UnixMicros.From(clock.GetUtcNow()));
        return await RecordHandlers.CreateAsync(db, ingest, Resource, entity, s => s.Adapt<Service>(mapping), response, ct);
    }

    public static async Task<Ok<BatchResult>> CreateServiceBatch(
        BatchRequest batch, RecordBatches batches, IValidator<CreateServiceRequest> validator, Caller caller, TimeProvider clock, CancellationToken ct)
    {
        var now = UnixMicros.From(clock.GetUtcNow());
        return TypedResults.Ok(await batches.StoreAsync(batch, validator, (CreateServiceRequest s) => ValueTask.FromResult(s.ToEntity(caller, now)), ct,
            Resource.ExternalIdField));
    }

    public static async Task<Results<Ok<Page<Service>>, CsvResult>> ListServices(
        [AsParameters] ServiceListQuery query, CxDbContext db, Caller caller, TypeAdapterConfig mapping, HttpResponse response, CancellationToken ct)
    {
        var filtered = RecordKinds.Services.WhereDimensions(db.Services.AsNoTracking().VisibleTo(caller), query)
            .WhereAny(query.Key, s => s.ExternalId)
            .Where(s => query.Tier == null || s.Tier == query.Tier)
            .Where(s => query.CustomerFacing == null || s.CustomerFacing == query.CustomerFacing)
            .InRange(s => s.ReceivedAtMicros, query.FromMicros(), query.ToMicros());
        return await ListResults.PageAsync(filtered, s => s.ReceivedAtMicros, rows => rows.ProjectToType<Service>(mapping),
            s => new Cursor(UnixMicros.From(s.CreatedAt), s.Id), query, response.HttpContext, ct);
    }

    public static Task<Results<Ok<Service>, ProblemHttpResult>> GetService(
        string id, CxDbContext db, Caller caller, TypeAdapterConfig mapping, HttpResponse response, CancellationToken ct) =>
        RecordHandlers.GetAsync<ServiceEntity, Service>(db, caller, Resource, id, s => s.Adapt<Service>(mapping), response, ct);

    public static Task<Results<Ok<Service>, ValidationProblem, ProblemHttpResult>> UpdateService(
        string id, UpdateServiceRequest patch, CxDbContext db, Caller caller, TimeProvider clock, TypeAdapterConfig mapping, HttpContext http,
        CancellationToken ct) =>
        RecordHandlers.PatchAsync<ServiceEntity, Service>(db, caller, Resource, id, e => e.Apply(patch), _ => [], e => e.Adapt<Service>(mapping), http, clock, ct);

    public static Task<Results<NoContent, ProblemHttpResult>> DeleteService(string id, CxDbContext db, Caller caller, CancellationToken ct) =>
        RecordHandlers.DeleteAsync<ServiceEntity>(db, caller, Resource, id, ct);
}
