namespace CxApi.Features.Operations;

/// <summary>Incidents that started in the period (maintenance left out), in all and per severity.</summary>
public sealed record IncidentCounts(long Total, long Sev1, long Sev2, long Sev3, long Sev4);
