namespace CxApi.Common;

/// <summary>An incident's severity: sev1 is the worst.</summary>
public enum IncidentSeverity { Sev1, Sev2, Sev3, Sev4 }
