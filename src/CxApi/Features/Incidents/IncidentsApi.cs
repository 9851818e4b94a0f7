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

namespace CxApi.Features.Incidents;

/// <summary>
/// Incidents: outages, partial outages, degradations and maintenance of IT services, recorded by incident tools and
/// moved through their states by ETag-guarded merge patches, so that what each did to customer experience can be measured.
/// </summary>
public static class IncidentsApi
{
    private static readonly RecordResource Resource = new("incident", "/v1/incidents");

    public static IEndpointRouteBuilder MapIncidents(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Resource.Path).WithTags("Incidents").RequireAuthorization(Policies.ReadRecords);

        group.MapRecordRoutes<CreateIncidentRequest, IncidentListQuery, Incident>(
            (CreateIncident, "Record an incident on one or more services"),
            (CreateIncidentBatch, "Record up to 1,000 incidents in one transaction, with a result per item"),
            (ListIncidents, "List incidents, newest started first, with filters"),
            (GetIncident, "Get one incident (with its ETag)"),
            (DeleteIncident, "Delete an incident"));
        group.MapPatchById<UpdateIncidentRequest>(UpdateIncident, "Move an incident through its states (If-Match: its ETag)")
            .RequireAuthorization(Policies.Ingest).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return app;
    }

    public static async Task<Results<Created<Incident>, ProblemHttpResult>> CreateIncident(
        CreateIncidentRequest request, CxDbContext db, RecordIngest ingest, Caller caller, TimeProvider clock, TypeAdapterConfig mapping,
        HttpResponse response, CancellationToken ct)
    {
        var entity = request.ToEntity(caller, UnixMicros.From(clock.GetUtcNow()));
        return await RecordHandlers.CreateAsync(db, ingest, Resource, entity, i => i.Adapt<Incident>(mapping), response, ct);
    }

    public static async Task<Ok<BatchResult>> CreateIncidentBatch(
        BatchRequest batch, RecordBatches batches, IValidator<CreateIncidentRequest> validator, Caller caller, TimeProvider clock, CancellationToken ct)
    {
        var now = UnixMicros.From(clock.GetUtcNow());
        return TypedResults.Ok(await batches.StoreAsync(batch, validator, (CreateIncidentRequest i) => ValueTask.FromResult(i.ToEntity(caller, now)), ct));
    }

    public static async Task<Results<Ok<Page<Incident>>, CsvResult>> ListIncidents(
        [AsParameters] IncidentListQuery query, CxDbContext db, Caller caller, TypeAdapterConfig mapping, HttpResponse response, CancellationToken ct)
    {
        var filtered = RecordKinds.Incidents.WhereDimensions(db.Incidents.AsNoTracking().VisibleTo(caller), query)
            .Where(i => query.Ongoing == null || (i.ResolvedAtMicros == null) == query.Ongoing)
            .InRange(i => i.StartedAtMicros, query.FromMicros(), query.ToMicros());
        return await ListResults.PageAsync(filtered, i => i.StartedAtMicros, rows => rows.ProjectToType<Incident>(mapping),
            i => new Cursor(UnixMicros.From(i.StartedAt), i.Id), query, response.HttpContext, ct);
    }

    public static Task<Results<Ok<Incident>, ProblemHttpResult>> GetIncident(
        string id, CxDbContext db, Caller caller, TypeAdapterConfig mapping, HttpResponse response, CancellationToken ct) =>
        RecordHandlers.GetAsync<IncidentEntity, Incident>(db, caller, Resource, id, i => i.Adapt<Incident>(mapping), response, ct);

    public static Task<Results<Ok<Incident>, ValidationProblem, ProblemHttpResult>> UpdateIncident(
        string id, UpdateIncidentRequest patch, CxDbContext db, Caller caller, TimeProvider clock, TypeAdapterConfig mapping, HttpContext http,
        CancellationToken ct) =>
        RecordHandlers.PatchAsync<IncidentEntity, Incident>(db, caller, Resource, id, e => e.Apply(patch),
            e => IncidentRules.Check(e.StartedAtMicros, e.DetectedAtMicros, e.AcknowledgedAtMicros, e.MitigatedAtMicros, e.ResolvedAtMicros),
            e => e.Adapt<Incident>(mapping), http, clock, ct);

    public static Task<Results<NoContent, ProblemHttpResult>> DeleteIncident(string id, CxDbContext db, Caller caller, CancellationToken ct) =>
        RecordHandlers.DeleteAsync<IncidentEntity>(db, caller, Resource, id, ct);
}
