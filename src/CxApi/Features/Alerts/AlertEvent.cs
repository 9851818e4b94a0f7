using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Alerts;

/// <summary>
/// A rule's condition became true (<c>alert.triggered</c>) or cleared (<c>alert.resolved</c>): the watched figure over
/// <c>[from, to)</c> from <c>n</c> observations with its 95 % interval (for <c>value</c>), the previous window's figure
/// and the change test for <c>dropBy</c>, the rule as it was, and <c>chartUrl</c>: the path of the SVG chart of the rule's
/// metric over the window (<see cref="AlertChart"/>).
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
    AlertRule Rule,
    string ChartUrl);
