namespace CxApi.Common;

/// <summary>
/// How an incident affects its service, declared from least to most severe. Where incidents of one service overlap,
/// each instant counts once, at the most severe impact covering it: outage &gt; partial &gt; degraded &gt; maintenance.
/// So maintenance is left out of the period only where no unplanned incident overlaps it, and a degraded second
/// (which availability counts as up) inside a maintenance window stays in the period.
/// </summary>
public enum IncidentImpact { Maintenance, Degraded, Partial, Outage }
