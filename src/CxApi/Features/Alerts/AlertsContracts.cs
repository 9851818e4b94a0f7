using System.Text.Json.Serialization;
using CxApi.Common.Json;
using CxApi.Common.Paging;
using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Alerts;

/// <summary>The metrics a rule can watch, named as their <c>/v1/metrics/{metric}</c> endpoints.</summary>
public enum AlertMetricName { Nps, Csat, Ces, Sus, Rating, Reviews, Interactions }

/// <summary><c>firing</c> between a rule's <c>alert.triggered</c> and <c>alert.resolved</c>, else <c>ok</c>.</summary>
public enum AlertState { Ok, Firing }

/// <summary>
/// Exactly one of: <c>below</c> (value &lt; x), <c>above</c> (value &gt; x), or <c>dropBy</c> (the previous window's
/// value minus this window's ≥ points; <c>vsPreviousWindow</c> is the only comparison, <c>significantOnly</c> also
/// requires the change to pass the metric's 95 % test).
/// </summary>
public sealed record AlertCondition(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Below = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Above = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? DropBy = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? VsPreviousWindow = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? SignificantOnly = null);

/// <summary>
/// <c>field</c> (default <c>value</c>) names a figure of the metric's body (<c>bayesianAverage</c>, <c>firstResponse.p90</c>);
/// <c>filters</c> are the metric's dimension filters (<c>{ "channel": ["email"] }</c>); <c>window</c> an ISO 8601
/// duration (<c>P7D</c>, <c>PT6H</c>) ending now; <c>minResponses</c> (default 30) the fewest observations a window
/// needs before the rule decides anything.
/// </summary>
public sealed record CreateAlertRuleRequest(
    string? Name,
    AlertMetricName? Metric,
    string? Window,
    AlertCondition? Condition,
    string? Field = null,
    IReadOnlyDictionary<string, string[]>? Filters = null,
    int? MinResponses = null,
    bool? Active = null);

/// <summary>JSON Merge Patch of a rule (its metric stays); the result is validated like a new rule.</summary>
public sealed record UpdateAlertRuleRequest(
    Optional<string?> Name = default,
    Optional<string?> Field = default,
    Optional<IReadOnlyDictionary<string, string[]>?> Filters = default,
    Optional<string?> Window = default,
    Optional<AlertCondition?> Condition = default,
    Optional<int?> MinResponses = default,
    Optional<bool?> Active = default);

/// <summary>A rule; <c>state</c> is <c>firing</c> between its <c>alert.triggered</c> and <c>alert.resolved</c> events, else <c>ok</c>.</summary>
public sealed record AlertRule(
    string Id,
    string Name,
    AlertMetricName Metric,
    string Field,
    IReadOnlyDictionary<string, string[]> Filters,
    string Window,
    AlertCondition Condition,
    int MinResponses,
    bool Active,
    AlertState State,
    DateTimeOffset? StateChangedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>
/// A rule's condition became true (<c>alert.triggered</c>) or cleared (<c>alert.resolved</c>): the watched figure over
/// <c>[from, to)</c> from <c>n</c> observations with its 95 % interval (for <c>value</c>), the previous window's figure
/// and the change test for <c>dropBy</c>, and the rule as it was.
/// </summary>
public sealed record AlertEvent(
    string Id,
    string Type,
    DateTimeOffset OccurredAt,
    string RuleId,
    double? Value,
    long N,
    Interval? Ci95,
    DateTimeOffset From,
    DateTimeOffset To,
    double? PreviousValue,
    long? PreviousN,
    bool? Significant,
    double? Z,
    AlertRule Rule);

/// <summary>What an evaluation pass did: rules evaluated and the events it fired.</summary>
public sealed record AlertEvaluation(int Evaluated, IReadOnlyList<AlertEvent> Events);

public sealed record AlertRuleListQuery(string? From, string? To, int? Limit, string? Cursor) : IListQuery;

public sealed record AlertListQuery(string[]? RuleId, string[]? Type, string? From, string? To, int? Limit, string? Cursor) : IListQuery;
