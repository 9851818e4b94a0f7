using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Formats;
using CxApi.Common.Http;
using CxApi.Common.Paging;
using CxApi.Features.Audit;
using CxApi.Features.Records;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
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
    private static readonly RecordResource Resource = new("service", "/v1/services", ExternalIdField: "key", Audited: true);

    public static IEndpointRouteBuilder MapServices(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Resource.Path).WithTags("Services").RequireAuthorization(Policies.ReadRecords);

        group.MapRecordRoutes<CreateServiceRequest, ServiceEntity, ServiceListQuery, Service>(Resource, (s, caller, now) => s.ToEntity(caller, now),
            new RecordSummaries("Add a service to the catalogue (409 when its key is taken)",
                "Add up to 1,000 services in one transaction, with a result per item", "List services, newest added first, with filters",
                "Get one service (with its ETag)", "Delete a service from the catalogue"),
            ListServices);
        group.MapPatchById<UpdateServiceRequest>(UpdateService, "Rename, re-tier or hand over a service (If-Match: its ETag)")
            .RequireAuthorization(Policies.Ingest).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return app;
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

    public static Task<Results<Ok<Service>, ValidationProblem, ProblemHttpResult>> UpdateService(
        string id, UpdateServiceRequest patch, CxDbContext db, Caller caller, AuditTrail audit, TimeProvider clock, TypeAdapterConfig mapping,
        HttpContext http, CancellationToken ct) =>
        RecordHandlers.PatchAsync<ServiceEntity, Service>(db, caller, Resource, id, e => e.Apply(patch), _ => [], e => e.Adapt<Service>(mapping), http, clock,
            ct, audit);
}
