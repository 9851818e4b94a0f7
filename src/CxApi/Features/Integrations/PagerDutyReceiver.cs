using CxApi.Common;
using CxApi.Common.Privacy;
using CxApi.Common.Validation;
using CxApi.Features.Incidents;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Ingest;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Delivery = CxApi.Features.Integrations.IntegrationDeliveries.Delivery;

namespace CxApi.Features.Integrations;

/// <summary>
/// PagerDuty V3 webhooks become incidents, one per PagerDuty incident (its id is the incident's <c>externalId</c>):
/// created through the incident ingest path by the first event that arrives, then moved on as incident PATCHes are.
/// Events may come late or twice, so each field moves one way only: <c>acknowledgedAt</c> is the first
/// acknowledgement, <c>resolvedAt</c> the last resolution, nothing reopens an incident, and the title, service and
/// severity come from the newest event seen (by <c>occurred_at</c>).
/// </summary>
public sealed class PagerDutyReceiver(
    CxDbContext db, RecordIngest ingest, RecordRedaction redaction, IntegrationDeliveries deliveries, IValidator<CreateIncidentRequest> createValidator,
    IValidator<UpdateIncidentRequest> updateValidator, IServiceProvider services, TimeProvider clock,
    IOptionsMonitor<IntegrationsOptions> options, ILogger<PagerDutyReceiver> logger)
{
    public const string Tool = "pagerduty";
    public const string Triggered = "incident.triggered", Acknowledged = "incident.acknowledged", Resolved = "incident.resolved",
        PriorityUpdated = "incident.priority_updated";

    private static readonly HashSet<string> Mapped = [Triggered, Acknowledged, Resolved, PriorityUpdated];
    private static readonly Common.Auth.Caller Owner = IntegrationClients.For(Tool);
    private const int Attempts = 5;

    public static bool Maps(string? eventType) => eventType is not null && Mapped.Contains(eventType);

    public async Task<IntegrationResult> ReceiveAsync(PagerDutyWebhook webhook, CancellationToken ct)
    {
        var e = webhook.Event;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(e?.Id)) errors["event.id"] = ["is required: it makes a replayed delivery change nothing"];
        if (e?.OccurredAt is null) errors["event.occurred_at"] = ["is required"];
        if (string.IsNullOrWhiteSpace(e?.Data?.Id)) errors["event.data.id"] = ["is required: the incident's id"];
        if (e?.Data?.CreatedAt is null) errors["event.data.created_at"] = ["is required: when the incident started"];
        if (string.IsNullOrWhiteSpace(e?.Data?.Service?.Id)) errors["event.data.service.id"] = ["is required: the incident's service"];
        if (errors.Count > 0) return IntegrationResult.Invalid(errors);

        var delivery = new Delivery(Tool, e!.Id!, e.Data!.Id!, e.OccurredAt!.Value);
        return await deliveries.OnceAsync(delivery, "incident", () => ApplyAsync(delivery, e.EventType!, e.Data, ct), ct);
    }

    private async Task<IntegrationResult> ApplyAsync(Delivery delivery, string type, PagerDutyIncident incident, CancellationToken ct)
    {
        var service = IntegrationClients.Find(options.CurrentValue.PagerDuty.Services, incident.Service!.Id!)
                      ?? PagerDutyMapping.ServiceKey(incident.Service.Summary, incident.Service.Id!);
        var severity = PagerDutyMapping.Severity(incident.Priority?.Summary, incident.Urgency);
        var title = incident.Title is { Length: > 0 } t ? t[..Math.Min(t.Length, Limits.Name)] : $"PagerDuty incident {incident.Id}";
        var url = IntegrationClients.HttpUrl(incident.HtmlUrl);

        for (var attempt = 1; ; attempt++)
        {
            var existing = await db.Incidents.FirstOrDefaultAsync(i => i.ClientId == Owner.ClientId && i.ExternalId == incident.Id, ct);
            if (existing is null)
            {
                var request = new CreateIncidentRequest(title, [service], severity, PagerDutyMapping.Impact(severity), incident.CreatedAt,
                    ExternalId: incident.Id, AcknowledgedAt: type == Acknowledged ? delivery.OccurredAt : null,
                    ResolvedAt: type == Resolved ? delivery.OccurredAt : null, Source: Tool, Url: url);
                var created = await createValidator.ValidateAsync(ValidationSetup.ContextFor(request, services), ct);
                if (!created.IsValid) return IntegrationResult.Invalid(created.ToDictionary());
                var entity = request.ToEntity(Owner, UnixMicros.From(clock.GetUtcNow()));
                if (await ingest.InsertAsync(db, entity, ct) is InsertOutcome.Duplicate && attempt < Attempts)
                    continue; // a concurrent delivery about the same incident created it first: change that one
                return IntegrationResult.Of(new IntegrationReceipt(IntegrationOutcome.Created, "incident", entity.Id,
                    $"PagerDuty incident '{incident.Id}' ({type}) is recorded as an incident of '{service}'."));
            }

            var newest = await deliveries.NewestOtherAsync(delivery, ct);
            var patch = Merge(existing, type, delivery.OccurredAt, newest is null || delivery.OccurredAt >= newest, title, service, severity, url);
            var validation = await updateValidator.ValidateAsync(ValidationSetup.ContextFor(patch, services), ct);
            if (!validation.IsValid) return IntegrationResult.Invalid(validation.ToDictionary());
            existing.Apply(patch);
            redaction.Apply(existing); // as a PATCH of the title is
            if (!db.ChangeTracker.HasChanges())
                return IntegrationResult.Of(new IntegrationReceipt(IntegrationOutcome.Unchanged, "incident", existing.Id,
                    $"PagerDuty incident '{incident.Id}' ({type}): the incident already says as much or more."));
            existing.Version++;
            existing.UpdatedAtMicros = UnixMicros.From(clock.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(ct);
                return IntegrationResult.Of(new IntegrationReceipt(IntegrationOutcome.Updated, "incident", existing.Id,
                    $"PagerDuty incident '{incident.Id}' ({type}) updated the incident."));
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear(); // changed by a concurrent delivery or a PATCH: merge into what is there now
            }
        }
    }

    /// <summary>
    /// What the event changes, as a merge patch: the first acknowledgement and the last resolution (never clearing either,
    /// so nothing reopens), kept in the order incidents require; and, from the newest event only, what describes the incident.
    /// </summary>
    private UpdateIncidentRequest Merge(IncidentEntity e, string type, DateTimeOffset occurred, bool newest, string title, string service,
        IncidentSeverity severity, string? url)
    {
        var at = UnixMicros.From(occurred);
        var acknowledged = type == Acknowledged && (e.AcknowledgedAtMicros is null || at < e.AcknowledgedAtMicros);
        var resolved = type == Resolved && (e.ResolvedAtMicros is null || at > e.ResolvedAtMicros);
        if ((acknowledged || resolved) && IncidentRules.Check(e.StartedAtMicros, e.DetectedAtMicros, acknowledged ? at : e.AcknowledgedAtMicros,
                e.MitigatedAtMicros, resolved ? at : e.ResolvedAtMicros).Any())
        {
            logger.LogWarning("PagerDuty {EventType} of incident {IncidentId} at {OccurredAt} would put the incident's times out of order; its time is not taken",
                type, e.ExternalId, occurred);
            (acknowledged, resolved) = (false, false);
        }

        var severityChanged = newest && severity != e.Severity;
        return new UpdateIncidentRequest(
            Title: newest && title != e.Title ? new(title) : default,
            Services: newest && !e.Services.Contains(service) ? new([service]) : default,
            Severity: severityChanged ? new(severity) : default,
            Impact: severityChanged ? new(PagerDutyMapping.Impact(severity)) : default,
            AcknowledgedAt: acknowledged ? new(occurred) : default,
            ResolvedAt: resolved ? new(occurred) : default,
            Url: newest && url is not null && url != e.Url ? new(url) : default);
    }
}
