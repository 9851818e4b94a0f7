namespace CxApi.Common.Charts;

/// <summary>An incident as a shaded span of the time axis; <paramref name="End"/> is null while it is ongoing.</summary>
public sealed record ChartSpan(DateTimeOffset Start, DateTimeOffset? End, IncidentImpact Impact, IReadOnlyList<string> Services, string Label);
