namespace CxApi.Features.Alerts;

/// <summary>
/// <c>field</c> (default <c>value</c>; <c>availabilityPct</c> for availability) names a figure of the metric's body (<c>bayesianAverage</c>, <c>firstResponse.p90</c>);
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
