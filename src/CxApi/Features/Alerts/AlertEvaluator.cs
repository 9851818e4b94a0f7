using CxApi.Common;
using CxApi.Features.Metrics;
using CxApi.Features.Webhooks;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CxApi.Features.Alerts;

/// <summary>
/// One evaluation pass: each active rule's figure over its window ending now (and the window before, for
/// <c>dropBy</c>), counted by <see cref="MetricEngine"/> and computed by the metric's calculator. A rule whose
/// condition changed records the transition only if its UPDATE, conditional on the version it evaluated, finds that
/// version: so when several instances evaluate the same rule, exactly one records each transition, and its event
/// and outbox rows commit with it. State lives in the database, so a restart neither repeats nor loses an event.
/// </summary>
public sealed class AlertEvaluator(
    CxDbContext db, MetricEngine engine, MetricsReadDatabase reads, WebhookOutbox outbox, WebhookDispatcher dispatcher, TimeProvider clock,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, TypeAdapterConfig mapping, ILogger<AlertEvaluator> logger)
{
    public async Task<AlertEvaluation> EvaluateAsync(CancellationToken ct)
    {
        var rules = await db.Set<AlertRuleEntity>().AsNoTracking().Where(r => r.Active).OrderBy(r => r.CreatedAtMicros).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var events = new List<AlertEvent>();
        foreach (var rule in rules)
        {
            try
            {
                if (await EvaluateAsync(rule, now, ct) is { } fired) events.Add(fired);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Alert rule {RuleId} could not be evaluated; it is tried again at the next pass", rule.Id);
            }
        }
        if (events.Count > 0) dispatcher.Nudge();
        return new AlertEvaluation(rules.Count, events);
    }

    private async Task<AlertEvent?> EvaluateAsync(AlertRuleEntity rule, DateTimeOffset now, CancellationToken ct)
    {
        var metric = AlertMetrics.For(EnumText<AlertMetricName>.Parse(rule.Metric));
        var window = TimeSpan.FromSeconds(rule.WindowSeconds);
        var (from, to) = (now - window, now);
        long[] boundaries = [UnixMicros.From(from - window), UnixMicros.From(from), UnixMicros.From(to)];
        var scope = new CountScope(boundaries[0], boundaries[2], metric.CountFilters(rule.Filters()), null, boundaries);
        var (current, previous) = await metric.CountAsync(engine, reads, scope, ct);
        var reading = metric.Read(rule.Field, current, previous);
        if (AlertConditions.Holds(rule.ToCondition(), rule.MinResponses, reading) is not { } holds || holds == rule.Firing) return null;

        var nowMicros = UnixMicros.From(now);
        // Its own transaction, or the request's (POST /evaluate with an Idempotency-Key runs inside one).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var claimed = await db.Set<AlertRuleEntity>().Where(r => r.Id == rule.Id && r.Version == rule.Version)
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Firing, holds)
                .SetProperty(r => r.StateChangedAtMicros, nowMicros)
                .SetProperty(r => r.Version, rule.Version + 1), ct);
        if (claimed == 0) return null; // another instance recorded this transition, or the rule was edited meanwhile

        rule.Firing = holds;
        rule.StateChangedAtMicros = nowMicros;
        rule.Version++;
        var entity = rule.ToEvent(reading, from, to, now, json.Value.SerializerOptions, mapping);
        db.Set<AlertEventEntity>().Add(entity);
        var alert = entity.Adapt<AlertEvent>(mapping);
        await outbox.EnqueueAsync(db, entity.Type, alert, ct);
        await db.SaveChangesAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(CancellationToken.None);
        return alert;
    }
}
