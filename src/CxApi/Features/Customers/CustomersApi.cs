using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Paging;
using CxApi.Common.Validation;
using CxApi.Features.Incidents;
using CxApi.Features.Interactions;
using CxApi.Features.Metrics;
using CxApi.Features.Responses;
using CxApi.Features.Reviews;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Records;
using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Linq.Expressions;

namespace CxApi.Features.Customers;

public static class CustomersApi
{
    public const double DefaultAtRiskSlaSeconds = 86_400;

    public static IEndpointRouteBuilder MapCustomers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/customers").WithTags("Customers").RequireAuthorization(Policies.ReadRecords);

        group.MapGet("/at-risk", ListAtRiskCustomers).Validate<AtRiskQuery>()
            .WithName(nameof(ListAtRiskCustomers))
            .WithSummary("Customers whose latest NPS is a detractor, whose latest CSAT is 1–2, who wait on an interaction open past the SLA or whom two or more incidents affected");
        group.MapGet("/{customerId}/timeline", GetCustomerTimeline).Validate<TimelineQuery>()
            .WithName(nameof(GetCustomerTimeline))
            .WithSummary("A customer's responses, interactions, reviews and the incidents that affected them in one list, newest first");
        return app;
    }

    public static async Task<Ok<Page<TimelineItem>>> GetCustomerTimeline(
        [AsParameters] TimelineQuery query, CxDbContext db, Caller caller, TypeAdapterConfig mapping, HttpResponse response, CancellationToken ct)
    {
        var limit = query.PageSize();
        bool Wants(string type) => query.Type is not { Length: > 0 } types || types.Contains(type);

        // Each kind of record reads at most one page from its (customer, time, id) index; the newest of them make the page.
        // Incidents have no index on their customer list: they are read newest first by (time, id) and matched row by row.
        var rows = new List<(long Micros, TimelineItem Item)>();
        var customer = new string?[] { query.CustomerId };
        if (Wants("response"))
            rows.AddRange(await PageOfAsync(db.Responses.WhereAny(customer, r => r.CustomerId), query, caller, r => r.RespondedAtMicros,
                r => (r.RespondedAtMicros, new TimelineItem("response", r.Id, At(r.RespondedAtMicros), Response: r.Adapt<SurveyResponse>(mapping))),
                ct));
        if (Wants("interaction"))
            rows.AddRange(await PageOfAsync(db.Interactions.WhereAny(customer, i => i.CustomerId), query, caller, i => i.OpenedAtMicros,
                i => (i.OpenedAtMicros, new TimelineItem("interaction", i.Id, At(i.OpenedAtMicros), Interaction: i.Adapt<Interaction>(mapping))),
                ct));
        if (Wants("review"))
            rows.AddRange(await PageOfAsync(db.Reviews.WhereAny(customer, r => r.CustomerId), query, caller, r => r.PublishedAtMicros,
                r => (r.PublishedAtMicros, new TimelineItem("review", r.Id, At(r.PublishedAtMicros), Review: r.Adapt<Review>(mapping))), ct));
        // An incident lists the customers it affected; the descriptor's customerId dimension matches any listed.
        if (Wants("incident"))
            rows.AddRange(await PageOfAsync(
                RecordKinds.Incidents.WhereDimensions(db.Incidents, new Dictionary<string, IReadOnlyList<string>> { ["customerId"] = [query.CustomerId] }),
                query, caller, i => i.StartedAtMicros,
                i => (i.StartedAtMicros, new TimelineItem("incident", i.Id, At(i.StartedAtMicros), Incident: i.Adapt<Incident>(mapping))), ct));

        var newest = rows.OrderByDescending(r => r.Micros).ThenByDescending(r => r.Item.Id, StringComparer.Ordinal).Take(limit + 1).ToList();
        var page = newest.ToPage(limit, r => new Cursor(r.Micros, r.Item.Id), r => r.Item);
        response.AddNextLink(page);
        return TypedResults.Ok(page);
    }

    /// <summary>One page of the customer's <paramref name="records"/> (already narrowed to the customer), as the caller may see them.</summary>
    private static async Task<IEnumerable<(long, TimelineItem)>> PageOfAsync<T>(
        IQueryable<T> records, TimelineQuery query, Caller caller, Expression<Func<T, long>> time,
        Func<T, (long, TimelineItem)> map, CancellationToken ct) where T : RecordEntity
    {
        var rows = await records.AsNoTracking().VisibleTo(caller)
            .InRange(time, query.FromMicros(), query.ToMicros())
            .Keyset(time, query.Position(), query.PageSize())
            .ToListAsync(ct);
        return rows.Select(map);
    }

    private static DateTimeOffset At(long micros) => UnixMicros.ToDateTimeOffset(micros);

    public static async Task<Ok<Page<AtRiskCustomer>>> ListAtRiskCustomers(
        [AsParameters] AtRiskQuery query, CxDbContext db, Caller caller, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var to = query.ToMicros() ?? UnixMicros.From(now);
        var from = query.FromMicros() ?? to - (long)MetricRequest.DefaultWindow.TotalMicroseconds;
        var sla = query.SlaSeconds ?? DefaultAtRiskSlaSeconds;
        var risks = new CustomerRisks(db, caller, from, to, (long)Math.Round(sla * 1e6), UnixMicros.From(now));

        var customers = await risks.PageAsync(query.Position(), query.PageSize(), ct);
        var reasons = (await risks.ReasonsAsync([.. customers.Take(query.PageSize()).Select(c => c.Id)], ct))
            .ToLookup(r => r.CustomerId);
        var page = customers.ToPage(query.PageSize(), c => new Cursor(c.LatestMicros, c.Id), c => new AtRiskCustomer(
            c.Id, At(c.LatestMicros),
            [.. reasons[c.Id].OrderByDescending(r => r.AtMicros).ThenByDescending(r => r.RecordId, StringComparer.Ordinal)
                .Select(r => r.ToContract(now))]));
        response.AddNextLink(page);
        return TypedResults.Ok(page);
    }
}
