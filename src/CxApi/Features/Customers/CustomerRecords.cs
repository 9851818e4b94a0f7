using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Records;

namespace CxApi.Features.Customers;

/// <summary>The records held on one customer, as the export reads them and the erasure removes them (every client's).</summary>
public static class CustomerRecords
{
    /// <summary>The responses that name the customer, and those that rate one of the customer's interactions.</summary>
    public static IQueryable<ResponseEntity> Responses(CxDbContext db, string customerId) =>
        db.Responses.Where(r => r.CustomerId == customerId
                                || (r.InteractionId != null && db.Interactions.Any(i => i.Id == r.InteractionId && i.CustomerId == customerId)));

    public static IQueryable<InteractionEntity> Interactions(CxDbContext db, string customerId) =>
        db.Interactions.Where(i => i.CustomerId == customerId);

    public static IQueryable<ReviewEntity> Reviews(CxDbContext db, string customerId) =>
        db.Reviews.Where(r => r.CustomerId == customerId);

    /// <summary>The incidents whose <c>customerIds</c> list the customer (the descriptor's <c>customerId</c> dimension).</summary>
    public static IQueryable<IncidentEntity> Incidents(CxDbContext db, string customerId) =>
        RecordKinds.Incidents.WhereDimensions(db.Incidents, new Dictionary<string, IReadOnlyList<string>> { ["customerId"] = [customerId] });
}
