using CxApi.Common;
using CxApi.Features.Metrics.Calculators;
using CxApi.Infrastructure.Entities;
using Mapster;
using System.Text.Json;

namespace CxApi.Features.Alerts;

/// <summary>How a request becomes a stored alert rule, and a reading an event (the contract side is <see cref="AlertsMappings"/>).</summary>
public static class AlertsEntityMappings
{
    public const int DefaultMinResponses = Statistics.LowSampleThreshold;
    public const string Triggered = Webhooks.WebhookEvents.AlertTriggered, Resolved = Webhooks.WebhookEvents.AlertResolved;

    private static readonly IReadOnlyDictionary<string, string[]> NoFilters = new Dictionary<string, string[]>();

    public static AlertRuleEntity ToEntity(this CreateAlertRuleRequest request, long nowMicros)
    {
        var entity = new AlertRuleEntity
        {
            Id = Ids.New(),
            Name = request.Name!,
            Metric = EnumText<AlertMetricName>.ToText(request.Metric!.Value),
            Field = "", // Apply sets it
            Window = request.Window!,
            CreatedAtMicros = nowMicros,
            UpdatedAtMicros = nowMicros,
        };
        entity.Apply(request);
        return entity;
    }

    /// <summary>Sets everything a caller may change from a validated request.</summary>
    public static void Apply(this AlertRuleEntity e, CreateAlertRuleRequest r)
    {
        var condition = r.Condition!;
        e.Name = r.Name!;
        e.Field = r.Field ?? AlertMetrics.For(r.Metric!.Value).DefaultField;
        e.FiltersJson = JsonSerializer.Serialize(r.Filters ?? NoFilters);
        e.Window = r.Window!;
        e.WindowSeconds = (long)IsoDuration.Parse(r.Window!).TotalSeconds;
        e.Below = condition.Below;
        e.Above = condition.Above;
        e.DropBy = condition.DropBy;
        e.SignificantOnly = condition.SignificantOnly == true;
        e.MinResponses = r.MinResponses ?? DefaultMinResponses;
        e.Active = r.Active ?? true;
    }

    /// <summary>The stored rule as the request that would create it (a PATCH is merged into this and validated again).</summary>
    public static CreateAlertRuleRequest ToRequest(this AlertRuleEntity e) =>
        new(e.Name, EnumText<AlertMetricName>.Parse(e.Metric), e.Window, e.ToCondition(), e.Field, e.Filters(), e.MinResponses, e.Active);

    public static CreateAlertRuleRequest Merge(this CreateAlertRuleRequest r, UpdateAlertRuleRequest patch) => r with
    {
        Name = patch.Name.Or(r.Name),
        Field = patch.Field.Or(r.Field),
        Filters = patch.Filters.Or(r.Filters),
        Window = patch.Window.Or(r.Window),
        Condition = patch.Condition.Or(r.Condition),
        MinResponses = patch.MinResponses.Or(r.MinResponses),
        Active = patch.Active.Or(r.Active),
    };

    public static AlertCondition ToCondition(this AlertRuleEntity e) => e.DropBy is { } drop
        ? new AlertCondition(DropBy: drop, VsPreviousWindow: true, SignificantOnly: e.SignificantOnly)
        : new AlertCondition(Below: e.Below, Above: e.Above);

    public static IReadOnlyDictionary<string, string[]> Filters(this AlertRuleEntity e) =>
        JsonSerializer.Deserialize<Dictionary<string, string[]>>(e.FiltersJson) ?? [];

    /// <summary>The event of <paramref name="rule"/> (already in its new state) over <c>[from, to)</c>.</summary>
    public static AlertEventEntity ToEvent(
        this AlertRuleEntity rule, AlertReading reading, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, JsonSerializerOptions json,
        TypeAdapterConfig mapping)
    {
        var compared = rule.DropBy is not null;
        return new AlertEventEntity
        {
            Id = Ids.New(),
            RuleId = rule.Id,
            Type = rule.Firing ? Triggered : Resolved,
            OccurredAtMicros = UnixMicros.From(now),
            WindowFromMicros = UnixMicros.From(from),
            WindowToMicros = UnixMicros.From(to),
            Value = reading.Value,
            N = reading.N,
            CiLow = reading.Ci95?.Low,
            CiHigh = reading.Ci95?.High,
            PreviousValue = compared ? reading.PreviousValue : null,
            PreviousN = compared ? reading.PreviousN : null,
            Significant = compared ? reading.Change?.Significant : null,
            Z = compared ? reading.Change?.Z : null,
            RuleJson = JsonSerializer.Serialize(rule.Adapt<AlertRule>(mapping), json),
        };
    }
}
