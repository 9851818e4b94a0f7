using CxApi.Common;
using CxApi.Common.OpenApi;
using CxApi.Common.Paging;
using CxApi.Features.Incidents;
using CxApi.Features.Interactions;
using CxApi.Features.Responses;
using CxApi.Features.Reviews;
using CxApi.Infrastructure.Entities;
using Mapster;

namespace CxApi.Features.Customers;

/// <summary>OpenAPI examples of the customer lists, mapped from sample records by the feature's own mappings.</summary>
public sealed class CustomerExamples(TypeAdapterConfig mapping) : IOpenApiExamples
{
    private const string Customer = "c-1042";
    private static readonly DateTimeOffset Opened = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Opened.AddDays(2);

    private static readonly InteractionEntity Ticket = new()
    {
        Id = "0193a1c2-7b10-7d4e-9a51-3c0f6e2b8d11",
        ExternalId = "T-9911",
        CustomerId = Customer,
        Channel = Channel.Chat,
        Type = "support",
        OpenedAtMicros = UnixMicros.From(Opened),
        FirstResponseAtMicros = UnixMicros.From(Opened.AddMinutes(4)),
        Status = InteractionStatus.Open,
        Team = "tier1",
        ReceivedAtMicros = UnixMicros.From(Opened),
        UpdatedAtMicros = UnixMicros.From(Opened),
    };

    private static readonly ResponseEntity Answer = new()
    {
        Id = "0193a1c9-0a22-7f31-8c07-5b2d9e4a1f60",
        SurveyId = "0193a0f1-5c3e-7a02-b6d4-1e8f7c9a2b30",
        Kind = SurveyKind.Nps,
        Score = 3,
        Comment = "Still waiting for a fix",
        CustomerId = Customer,
        InteractionId = Ticket.Id,
        Channel = Channel.Email,
        RespondedAtMicros = UnixMicros.From(Opened.AddHours(26)),
        ReceivedAtMicros = UnixMicros.From(Opened.AddHours(26)),
    };

    private static readonly ReviewEntity Post = new()
    {
        Id = "0193a1d0-44b8-7c19-a2e6-7d5f3b1c9e02",
        Source = "trustpilot",
        ExternalId = "tp-5521",
        Rating = 2,
        Title = "Slow support",
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
        AcknowledgedAtMicros = UnixMicros.From(Opened.AddMinutes(-32)),
        ResolvedAtMicros = UnixMicros.From(Opened.AddHours(2)),
        CustomerIds = [Customer, "c-2210"],
        Source = "pagerduty",
        ReceivedAtMicros = UnixMicros.From(Opened.AddMinutes(-30)),
        UpdatedAtMicros = UnixMicros.From(Opened.AddHours(2)),
    };

    public IReadOnlyDictionary<Type, Func<object>> Responses => new Dictionary<Type, Func<object>>
    {
        [typeof(Page<TimelineItem>)] = () => new Page<TimelineItem>(
            [
                new TimelineItem("review", Post.Id, UnixMicros.ToDateTimeOffset(Post.PublishedAtMicros), Review: Post.Adapt<Review>(mapping)),
                new TimelineItem("response", Answer.Id, UnixMicros.ToDateTimeOffset(Answer.RespondedAtMicros),
                    Response: Answer.Adapt<SurveyResponse>(mapping)),
                new TimelineItem("interaction", Ticket.Id, Opened, Interaction: Ticket.Adapt<Interaction>(mapping)),
                new TimelineItem("incident", Outage.Id, UnixMicros.ToDateTimeOffset(Outage.StartedAtMicros), Incident: Outage.Adapt<Incident>(mapping)),
            ],
            null),
        [typeof(Page<AtRiskCustomer>)] = () => new Page<AtRiskCustomer>(
            [
                new AtRiskCustomer(Customer, UnixMicros.ToDateTimeOffset(Answer.RespondedAtMicros),
                [
                    new RiskRow(Customer, Answer.RespondedAtMicros, (int)RiskReasonCode.NpsDetractor, Answer.Id, Answer.Score, null).ToContract(Now),
                    new RiskRow(Customer, Ticket.OpenedAtMicros + (long)(CustomersApi.DefaultAtRiskSlaSeconds * 1e6), (int)RiskReasonCode.OpenPastSla,
                        Ticket.Id, null, Ticket.OpenedAtMicros).ToContract(Now),
                    new RiskRow(Customer, Outage.StartedAtMicros, (int)RiskReasonCode.IncidentExposure, Outage.Id, null, null, 2).ToContract(Now),
                ]),
            ],
            new Cursor(Answer.RespondedAtMicros, Customer).Encode()),
    };
}
