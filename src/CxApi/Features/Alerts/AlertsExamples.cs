using CxApi.Common.OpenApi;
using CxApi.Common.Paging;
using CxApi.Features.Metrics.Calculators;
using CxApi.Features.Webhooks;
using Mapster;

namespace CxApi.Features.Alerts;

/// <summary>OpenAPI examples of the alert bodies; the rule is what the mappings make of the create example.</summary>
public sealed class AlertsExamples(TypeAdapterConfig mapping) : IOpenApiExamples
{
    private const string RuleId = "0193a4f2-3d5e-7a77-83f4-8b9c0d1e2f30";
    private static readonly DateTimeOffset At = ExampleValues.At;

    private const string Create = """
        { "name": "Support CSAT below 80 %", "metric": "csat", "field": "value", "filters": { "channel": ["chat"] },
          "window": "P7D", "condition": { "below": 80 }, "minResponses": 30, "active": true }
        """;

    public IReadOnlyDictionary<Type, string> Requests { get; } = new Dictionary<Type, string>
    {
        [typeof(CreateAlertRuleRequest)] = Create,
        [typeof(UpdateAlertRuleRequest)] = """{ "condition": { "dropBy": 5, "vsPreviousWindow": true, "significantOnly": true } }""",
    };

    public IReadOnlyDictionary<Type, Func<object>> Responses => new Dictionary<Type, Func<object>>
    {
        [typeof(AlertRule)] = Rule,
        [typeof(Page<AlertRule>)] = () => new Page<AlertRule>([Rule()], null),
        [typeof(AlertEvent)] = Alert,
        [typeof(Page<AlertEvent>)] = () => new Page<AlertEvent>([Alert()], null),
        [typeof(AlertEvaluation)] = () => new AlertEvaluation(1, [Alert()]),
    };

    private AlertRule Rule() =>
        ExampleValues.Read<CreateAlertRuleRequest>(Create).ToEntity(ExampleValues.Now).Adapt<AlertRule>(mapping) with { Id = RuleId };

    private AlertEvent Alert()
    {
        var rule = Rule() with { State = AlertState.Firing, StateChangedAt = At };
        return new AlertEvent("0193a4f2-4e6f-7b88-94a5-9c0d1e2f3a41", WebhookEvents.AlertTriggered, At, RuleId, 74.2, 128, new Interval(65.9, 80.9),
            At.AddDays(-7), At, null, null, null, null, rule, AlertChart.PathFor(rule, At.AddDays(-7), At));
    }
}
