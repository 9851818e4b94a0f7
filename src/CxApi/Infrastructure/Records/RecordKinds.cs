using CxApi.Common;
using CxApi.Features.Metrics.Calculators;
using CxApi.Infrastructure.Entities;

namespace CxApi.Infrastructure.Records;

/// <summary>The record kinds CxApi stores, described once.</summary>
public static class RecordKinds
{
    /// <summary>The SLA that rollups count first responses against (a query with another SLA counts records).</summary>
    public const long DefaultSlaMicros = (long)(InteractionCalculator.DefaultSlaSeconds * 1_000_000);

    public static readonly RecordKind<ResponseEntity> Responses = new()
    {
        Name = "responses",
        Table = "Responses",
        Time = r => r.RespondedAtMicros,
        Of =
        [
            new TextDimension<ResponseEntity>("surveyId", r => r.SurveyId, inRollupKey: false),
            new EnumDimension<ResponseEntity, Channel>("channel", r => r.Channel),
            new TextDimension<ResponseEntity>("product", r => r.Product),
            new TextDimension<ResponseEntity>("region", r => r.Region),
            new TextDimension<ResponseEntity>("service", r => r.Service),
            new ListDimension<ResponseEntity>("tag", r => r.Tags),
        ],
        Rollups =
        [
            // Per survey kind, survey and score: the score's distribution (SUS: the SUS score).
            new RollupTable("ResponseRollups",
                [new("Kind", RollupSlot.Text1), new("SurveyId", RollupSlot.Text2), new("Score", RollupSlot.Number1)],
                [Measure.Count],
                [new RollupFacet(
                    r => r is ResponseEntity x
                        ? new RollupPartition(EnumText<SurveyKind>.ToText(x.Kind), x.SurveyId, x.Kind == SurveyKind.Sus ? x.SusScore!.Value : x.Score!.Value)
                        : null,
                    ["r.\"Kind\"", "r.\"SurveyId\"", "CAST(COALESCE(r.\"Score\", r.\"SusScore\") AS DOUBLE PRECISION)"])]),
        ],
    };

    public static readonly RecordKind<ReviewEntity> Reviews = new()
    {
        Name = "reviews",
        Table = "Reviews",
        Time = r => r.PublishedAtMicros,
        Of =
        [
            new TextDimension<ReviewEntity>("source", r => r.Source),
            new TextDimension<ReviewEntity>("product", r => r.Product),
            new TextDimension<ReviewEntity>("region", r => r.Region),
            new TextDimension<ReviewEntity>("service", r => r.Service),
        ],
        Rollups =
        [
            new RollupTable("ReviewRollups", [new("Rating", RollupSlot.Int1)], [Measure.Count],
                [new RollupFacet(r => new RollupPartition(Number1: ((ReviewEntity)r).Rating), ["r.\"Rating\""])]),
        ],
    };

    private const string FirstResponse = "r.\"FirstResponseAtMicros\" - r.\"OpenedAtMicros\"";

    public static readonly RecordKind<InteractionEntity> Interactions = new()
    {
        Name = "interactions",
        Table = "Interactions",
        Time = r => r.OpenedAtMicros,
        Of =
        [
            new EnumDimension<InteractionEntity, Channel>("channel", i => i.Channel),
            new TextDimension<InteractionEntity>("product", i => i.Product),
            new TextDimension<InteractionEntity>("region", i => i.Region),
            new TextDimension<InteractionEntity>("service", i => i.Service),
            new TextDimension<InteractionEntity>("team", i => i.Team),
            new TextDimension<InteractionEntity>("type", i => i.Type),
            new ListDimension<InteractionEntity>("tag", i => i.Tags),
        ],
        Rollups =
        [
            // Counts and duration sums (the means, rates and the SLA share come from these).
            new RollupTable("InteractionRollups", [],
                [
                    Measure.Count,
                    Measure.CountOf<InteractionEntity>("Resolved", i => i.Status == InteractionStatus.Resolved, "r.\"Status\" = 'resolved'"),
                    Measure.CountOf<InteractionEntity>("ResolvedFirstContact", i => i.Status == InteractionStatus.Resolved && i.ContactCount == 1,
                        "r.\"Status\" = 'resolved' AND r.\"ContactCount\" = 1"),
                    Measure.CountOf<InteractionEntity>("Escalated", i => i.Escalated, "r.\"Escalated\""),
                    Measure.CountOf<InteractionEntity>("Abandoned", i => i.Status == InteractionStatus.Abandoned, "r.\"Status\" = 'abandoned'"),
                    Measure.CountOf<InteractionEntity>("WithFirstResponse", i => i.FirstResponseAtMicros is not null, "r.\"FirstResponseAtMicros\" IS NOT NULL"),
                    Measure.CountOf<InteractionEntity>("WithinDefaultSla", i => i.FirstResponseAtMicros - i.OpenedAtMicros <= DefaultSlaMicros,
                        $"{FirstResponse} <= {Measure.SlaToken}"),
                    Measure.SumOf<InteractionEntity>("FirstResponseMicros", i => i.FirstResponseAtMicros - i.OpenedAtMicros, FirstResponse),
                    Measure.SumOf<InteractionEntity>("ResolutionMicros", i => i.ResolvedAtMicros - i.OpenedAtMicros,
                        "r.\"ResolvedAtMicros\" - r.\"OpenedAtMicros\""),
                ],
                [new RollupFacet(_ => new RollupPartition(), [])]),
            // The log-scale histograms of first-response (Which = 0) and resolution (Which = 1) times, for percentiles.
            new RollupTable("InteractionBinRollups", [new("Which", RollupSlot.Int1), new("Bin", RollupSlot.Int2)], [Measure.Count],
                [
                    new RollupFacet(r => ((InteractionEntity)r).FirstResponseBin is { } b ? new RollupPartition(Number1: 0, Number2: b) : null,
                        ["0", "r.\"FirstResponseBin\""], "r.\"FirstResponseBin\" IS NOT NULL"),
                    new RollupFacet(r => ((InteractionEntity)r).ResolutionBin is { } b ? new RollupPartition(Number1: 1, Number2: b) : null,
                        ["1", "r.\"ResolutionBin\""], "r.\"ResolutionBin\" IS NOT NULL"),
                ]),
        ],
    };

    /// <summary>IT changes: what a deployment did to CX is measured against the records of its service.</summary>
    public static readonly RecordKind<DeploymentEntity> Deployments = new()
    {
        Name = "deployments",
        Table = "Deployments",
        Time = d => d.FinishedAtMicros,
        Of =
        [
            new TextDimension<DeploymentEntity>("service", d => d.Service),
            new TextDimension<DeploymentEntity>("environment", d => d.Environment),
            new EnumDimension<DeploymentEntity, DeploymentKind>("kind", d => d.Kind),
            new EnumDimension<DeploymentEntity, DeploymentResult>("result", d => d.Result),
            new TextDimension<DeploymentEntity>("initiative", d => d.Initiative),
        ],
        Rollups = [],
    };

    /// <summary>IT incidents: what one did to CX is measured against the records of its services while it lasted.</summary>
    public static readonly RecordKind<IncidentEntity> Incidents = new()
    {
        Name = "incidents",
        Table = "Incidents",
        Time = i => i.StartedAtMicros,
        Of =
        [
            new ListDimension<IncidentEntity>("service", i => i.Services),
            new EnumDimension<IncidentEntity, IncidentSeverity>("severity", i => i.Severity),
            new EnumDimension<IncidentEntity, IncidentImpact>("impact", i => i.Impact),
            new TextDimension<IncidentEntity>("source", i => i.Source),
            new ListDimension<IncidentEntity>("customerId", i => i.CustomerIds),
        ],
        Rollups = [],
    };

    /// <summary>The service catalogue: what the <c>service</c> of records, incidents and deployments names. Its time is when it was added.</summary>
    public static readonly RecordKind<ServiceEntity> Services = new()
    {
        Name = "services",
        Table = "Services",
        Time = s => s.ReceivedAtMicros,
        Of = [new TextDimension<ServiceEntity>("team", s => s.Team)],
        Rollups = [],
    };

    public static readonly IReadOnlyList<RecordKind> All = [Responses, Reviews, Interactions, Deployments, Incidents, Services];

    public static RecordKind Of(Type entityType) =>
        All.FirstOrDefault(k => k.EntityType == entityType) ?? throw new ArgumentException($"No record kind for {entityType.Name}.");

    public static RecordKind For(RecordEntity record) => Of(record.GetType());
}
