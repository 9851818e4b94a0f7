using CxApi.Common;
using CxApi.Common.Json;
using CxApi.Features.Metrics.Calculators;
using CxApi.Infrastructure.Entities;
using Mapster;
using System.Text.Json;

namespace CxApi.Features.Alerts;

/// <summary>How stored alert rules and events become their contracts; every member without a line here has the same name on both.</summary>
public sealed class AlertsMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<AlertRuleEntity, AlertRule>()
            // Enum text: the metric is stored by its public name (csat, interactions, …).
            .Map(d => d.Metric, s => EnumText<AlertMetricName>.Parse(s.Metric))
            // Logic: filters are stored as JSON, the condition as columns, the state as a flag.
            .Map(d => d.Filters, s => s.Filters())
            .Map(d => d.Condition, s => s.ToCondition())
            .Map(d => d.State, s => s.Firing ? AlertState.Firing : AlertState.Ok)
            // Time conversion: stored as Unix microseconds, answered as RFC 3339.
            .Map(d => d.StateChangedAt, s => UnixMicros.ToDateTimeOffset(s.StateChangedAtMicros))
            .Map(d => d.CreatedAt, s => UnixMicros.ToDateTimeOffset(s.CreatedAtMicros))
            .Map(d => d.UpdatedAt, s => UnixMicros.ToDateTimeOffset(s.UpdatedAtMicros));
        config.NewConfig<AlertEventEntity, AlertEvent>()
            .Map(d => d.OccurredAt, s => UnixMicros.ToDateTimeOffset(s.OccurredAtMicros))
            .Map(d => d.From, s => UnixMicros.ToDateTimeOffset(s.WindowFromMicros))
            .Map(d => d.To, s => UnixMicros.ToDateTimeOffset(s.WindowToMicros))
            // Logic: the interval exists only when both bounds were stored.
            .Map(d => d.Ci95, s => s.CiLow != null && s.CiHigh != null ? new Interval(s.CiLow.Value, s.CiHigh.Value) : null)
            // The rule as it was, stored as its contract's JSON (wire rules).
            .Map(d => d.Rule, s => JsonSerializer.Deserialize<AlertRule>(s.RuleJson, JsonSetup.Wire)!)
            // Logic: the chart of the rule's metric and filters over the evaluated window.
            .Map(d => d.ChartUrl, s => AlertChart.PathFor(JsonSerializer.Deserialize<AlertRule>(s.RuleJson, JsonSetup.Wire)!,
                UnixMicros.ToDateTimeOffset(s.WindowFromMicros), UnixMicros.ToDateTimeOffset(s.WindowToMicros)));
    }
}
