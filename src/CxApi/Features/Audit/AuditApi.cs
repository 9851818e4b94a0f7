using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Http;
using CxApi.Common.Paging;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Features.Audit;

/// <summary>
/// The audit trail, read-only: the API writes events as a side effect of the actions it audits (<see cref="AuditTrail"/>)
/// and has no route that changes or deletes one.
/// </summary>
public static class AuditApi
{
    public static IServiceCollection AddCxAudit(this IServiceCollection services) => services
        .AddScoped<AuditTrail>()
        .AddSingleton<CustomerIdHasher>();

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/audit").WithTags("Audit").RequireAuthorization(Policies.Admin);
        group.MapList<AuditListQuery>(ListAuditEvents,
            "Who did what: key creations and revocations, deletes, changes to services, webhooks and alert rules, integration deliveries and refused callers, newest first");
        return app;
    }

    public static async Task<Ok<Page<AuditEvent>>> ListAuditEvents(
        [AsParameters] AuditListQuery query, CxDbContext db, TypeAdapterConfig mapping, HttpResponse response, CancellationToken ct)
    {
        var actions = query.Action?.Select(EnumText<AuditAction>.Parse).ToList();
        var outcomes = query.Outcome?.Select(EnumText<AuditOutcome>.Parse).ToList();
        var rows = await db.Set<AuditEventEntity>().AsNoTracking()
            .WhereAny(actions, e => e.Action)
            .WhereAny(outcomes, e => e.Outcome)
            .Where(e => query.ActorKeyId == null || e.ActorKeyId == query.ActorKeyId)
            .Where(e => query.TargetKind == null || e.TargetKind == query.TargetKind)
            .Where(e => query.TargetId == null || e.TargetId == query.TargetId)
            .InRange(e => e.AtMicros, query.FromMicros(), query.ToMicros())
            .Keyset(e => e.AtMicros, query.Position(), query.PageSize())
            .ProjectToType<AuditEvent>(mapping)
            .ToListAsync(ct);
        var page = rows.ToPage(query.PageSize(), e => new Cursor(UnixMicros.From(e.At), e.Id), e => e);
        response.AddNextLink(page);
        return TypedResults.Ok(page);
    }
}
