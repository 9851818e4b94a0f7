using CxApi.Common;
using CxApi.Common.OpenApi;
using CxApi.Features.Incidents;
using CxApi.Features.Interactions;
using CxApi.Features.Responses;
using CxApi.Features.Reviews;
using CxApi.Infrastructure.Entities;
using Mapster;

namespace CxApi.Features.Customers;

/// <summary>OpenAPI examples of an erasure's counts and of a customer's export, mapped from sample records by the features' own mappings.</summary>
public sealed class CustomerDataExamples(TypeAdapterConfig mapping) : IOpenApiExamples
{
    private const string Customer = "c-1042";
    private static readonly DateTimeOffset Opened = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static readonly InteractionEntity Ticket = new()
    {
        Id = "0193a1c2-7b10-7d4e-9a51-3c0f6e2b8d11",
        ExternalId = "T-9911",
        CustomerId = Customer,
        Channel = Channel.Chat,
        Type = "support",
        OpenedAtMicros = UnixMicros.From(Opened),
        FirstResponseAtMicros = UnixMicros.From(Opened.AddMinutes(4)),
        ResolvedAtMicros = UnixMicros.From(Opened.AddHours(3)),
        Status = InteractionStatus.Resolved,
        Team = "tier1",
        ReceivedAtMicros = UnixMicros.From(Opened),
        UpdatedAtMicros = UnixMicros.From(Opened.AddHours(3)),
    };

    private static readonly ResponseEntity Answer = new()
    {
        Id = "0193a1c9-0a22-7f31-8c07-5b2d9e4a1f60",
        SurveyId = "0193a0f1-5c3e-7a02-b6d4-1e8f7c9a2b30",
        Kind = SurveyKind.Csat,
        Score = 4,
        Comment = "Sorted out quickly",
        CustomerId = Customer,
        InteractionId = Ticket.Id,
        Channel = Channel.Email,
        RespondedAtMicros = UnixMicros.From(Opened.AddHours(5)),
        ReceivedAtMicros = UnixMicros.From(Opened.AddHours(5)),
    };

    private static readonly ReviewEntity Post = new()
    {
        Id = "0193a1d0-44b8-7c19-a2e6-7d5f3b1c9e02",
        Source = "trustpilot",
        ExternalId = "tp-5521",
        Rating = 4,
        Title = "Helpful support",
        CustomerId = Customer,
        Language = "en",
        PublishedAtMicros = UnixMicros.From(Opened.AddHours(30)),
        ReceivedAtMicros = UnixMicros.From(Opened.AddHours(30)),
    };

    private static readonly IncidentEntity Outage = new()
    {
        Id = "0193a1b8-2f40-7e85-b1c3-9d6a4e2f7c18",
        ExternalId = "INC-3107",
        Title = "Checkout payments failing for some cards",
        Services = ["checkout-web"],
        Severity = IncidentSeverity.Sev2,
        Impact = IncidentImpact.Partial,
        StartedAtMicros = UnixMicros.From(Opened.AddMinutes(-40)),
        ResolvedAtMicros = UnixMicros.From(Opened.AddHours(2)),
        CustomerIds = [Customer, "c-2210"],
        Source = "pagerduty",
        ReceivedAtMicros = UnixMicros.From(Opened.AddMinutes(-30)),
        UpdatedAtMicros = UnixMicros.From(Opened.AddHours(2)),
    };

    public IReadOnlyDictionary<Type, Func<object>> Responses => new Dictionary<Type, Func<object>>
    {
        [typeof(CustomerErasure)] = () => new CustomerErasure(Responses: 14, Interactions: 6, Reviews: 2, Incidents: 3),
        [typeof(CustomerExport)] = () => new CustomerExport(Customer, Opened.AddDays(3),
            [Answer.Adapt<SurveyResponse>(mapping)], [Ticket.Adapt<Interaction>(mapping)], [Post.Adapt<Review>(mapping)],
            [Outage.Adapt<Incident>(mapping)]),
    };
}
