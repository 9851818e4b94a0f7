using CxApi.Features.Incidents;

namespace CxApi.Features.Demo;

/// <summary>An incident to store; <paramref name="CausedBy"/> is the index of the deployment that caused it, whose id the writer fills in.</summary>
public sealed record DemoIncident(int? CausedBy, CreateIncidentRequest Request);
