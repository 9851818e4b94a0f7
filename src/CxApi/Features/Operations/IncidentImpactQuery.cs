using System.ComponentModel;

namespace CxApi.Features.Operations;

/// <summary>The windows of an incident's impact: the baseline before it started, and the window after it was resolved.</summary>
public sealed record IncidentImpactQuery(
    [property: Description("Length of the baseline window, which ends when the incident started (" + ImpactWindowRules.Durations + "; default " + ImpactWindowRules.DefaultBaseline + ").")]
    string? Baseline,
    [property: Description("Length of the window that starts when the incident was resolved (" + ImpactWindowRules.Durations + "; default " + ImpactWindowRules.DefaultWindow + ").")]
    string? After);
