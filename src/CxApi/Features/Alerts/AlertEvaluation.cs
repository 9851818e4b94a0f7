namespace CxApi.Features.Alerts;

/// <summary>What an evaluation pass did: rules evaluated and the events it fired.</summary>
public sealed record AlertEvaluation(int Evaluated, IReadOnlyList<AlertEvent> Events);
