namespace CxApi.Features.Alerts;

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
