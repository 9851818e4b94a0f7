namespace CxApi.Common;

/// <summary>How an audited action ended: done (committed with its event), or refused.</summary>
public enum AuditOutcome { Success, Failure }
