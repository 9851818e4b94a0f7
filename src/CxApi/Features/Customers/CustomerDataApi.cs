using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Http;
using CxApi.Common.Validation;
using CxApi.Features.Audit;
using CxApi.Features.Incidents;
using CxApi.Features.Interactions;
using CxApi.Features.Responses;
using CxApi.Features.Reviews;
using CxApi.Infrastructure;
using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Features.Customers;

/// <summary>
/// A customer's rights over the data held on them: erasure and access (issue 16). Admin only, across every client's
/// records; see docs/privacy.md.
/// </summary>
public static class CustomerDataApi
{
    public static IEndpointRouteBuilder MapCustomerData(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/customers").WithTags("Customers").RequireAuthorization(Policies.Admin);

        group.MapDelete("/{customerId}", EraseCustomer).Validate<CustomerRequest>()
            .Named(EraseCustomer, "Erase a customer: delete their responses, interactions and reviews and take them off incidents")
            .WithDescription("Deletes, in transactions of at most 500 records, every response that names the customer or rates one of " +
                             "their interactions, every interaction and review that names them, and takes the id off every incident's " +
                             "`customerIds` (a new version, as a PATCH would). Metrics follow at once; the changes feed gets a tombstone per " +
                             "record. Stored `Idempotency-Key` responses lose the id and webhook deliveries that carry it are deleted. " +
                             "Returns the counts per kind; repeating it returns zeros.");
        group.MapGet("/{customerId}/export", ExportCustomer).Validate<CustomerRequest>()
            .Named(ExportCustomer, "Everything held on a customer as one JSON document (the right of access)")
            .WithDescription("The customer's responses (with those that rate their interactions), interactions and reviews, and the " +
                             "incidents that list them, each in its read contract, oldest first, with the time it was generated. A customer " +
                             "of whom nothing is held gets empty lists (200), as an id is not registered anywhere. Sent with `Cache-Control: no-store`.");
        return app;
    }

    public static async Task<Ok<CustomerErasure>> EraseCustomer(
        [AsParameters] CustomerRequest request, CxDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var erased = await new CustomerEraser(db, clock).EraseAsync(request.CustomerId, ct);
        await RecordAsync(db, audit, AuditAction.Erased, request.CustomerId, ct); // after the batches: an event names a finished erasure
        return TypedResults.Ok(erased);
    }

    public static async Task<Ok<CustomerExport>> ExportCustomer(
        [AsParameters] CustomerRequest request, CxDbContext db, AuditTrail audit, TimeProvider clock, TypeAdapterConfig mapping,
        HttpResponse response, CancellationToken ct)
    {
        var id = request.CustomerId;
        var generatedAt = clock.GetUtcNow();
        var responses = await CustomerRecords.Responses(db, id).AsNoTracking().OrderBy(r => r.RespondedAtMicros).ThenBy(r => r.Id)
            .ProjectToType<SurveyResponse>(mapping).ToListAsync(ct);
        var interactions = await CustomerRecords.Interactions(db, id).AsNoTracking().OrderBy(i => i.OpenedAtMicros).ThenBy(i => i.Id)
            .ProjectToType<Interaction>(mapping).ToListAsync(ct);
        var reviews = await CustomerRecords.Reviews(db, id).AsNoTracking().OrderBy(r => r.PublishedAtMicros).ThenBy(r => r.Id)
            .ProjectToType<Review>(mapping).ToListAsync(ct);
        var incidents = await CustomerRecords.Incidents(db, id).AsNoTracking().OrderBy(i => i.StartedAtMicros).ThenBy(i => i.Id)
            .ProjectToType<Incident>(mapping).ToListAsync(ct);
        await RecordAsync(db, audit, AuditAction.Exported, id, ct);
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new CustomerExport(id, generatedAt, responses, interactions, reviews, incidents));
    }

    /// <summary>One audit event naming the customer by its keyed hash (<see cref="AuditTrail.CustomerTargetAsync"/>), never the id.</summary>
    private static async Task RecordAsync(CxDbContext db, AuditTrail audit, AuditAction action, string customerId, CancellationToken ct)
    {
        audit.Record(action, AuditTargets.Customer, await audit.CustomerTargetAsync(customerId, ct));
        await db.SaveChangesAsync(ct);
    }
}
