using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Formats;
using CxApi.Common.Http;
using CxApi.Common.Paging;
using CxApi.Common.Privacy;
using CxApi.Features.Records;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
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

        group.MapRecordRoutes<CreateIncidentRequest, IncidentEntity, IncidentListQuery, Incident>(Resource, (i, caller, now) => i.ToEntity(caller, now),
            new RecordSummaries("Record an incident on one or more services",
                "Record up to 1,000 incidents in one transaction, with a result per item", "List incidents, newest started first, with filters",
                "Get one incident (with its ETag)", "Delete an incident"),
            ListIncidents);
        group.MapPatchById<UpdateIncidentRequest>(UpdateIncident, "Move an incident through its states (If-Match: its ETag)")
            .RequireAuthorization(Policies.Ingest).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return app;
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

    public static Task<Results<Ok<Incident>, ValidationProblem, ProblemHttpResult>> UpdateIncident(
        string id, UpdateIncidentRequest patch, CxDbContext db, Caller caller, RecordRedaction redaction, TimeProvider clock, TypeAdapterConfig mapping, HttpContext http,
        CancellationToken ct) =>
        RecordHandlers.PatchAsync<IncidentEntity, Incident>(db, caller, Resource, id, e =>
            {
                e.Apply(patch);
                redaction.Apply(e);
            },
            e => IncidentRules.Check(e.StartedAtMicros, e.DetectedAtMicros, e.AcknowledgedAtMicros, e.MitigatedAtMicros, e.ResolvedAtMicros),
            e => e.Adapt<Incident>(mapping), http, clock, ct);
}
