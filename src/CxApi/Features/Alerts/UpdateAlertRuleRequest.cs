using CxApi.Common.Json;

namespace CxApi.Features.Alerts;

/// <summary>JSON Merge Patch of a rule (its metric stays); the result is validated like a new rule.</summary>
public sealed record UpdateAlertRuleRequest(
    Optional<string?> Name = default,
    Optional<string?> Field = default,
    Optional<IReadOnlyDictionary<string, string[]>?> Filters = default,
    Optional<string?> Window = default,
    Optional<AlertCondition?> Condition = default,
    Optional<int?> MinResponses = default,
    Optional<bool?> Active = default);
