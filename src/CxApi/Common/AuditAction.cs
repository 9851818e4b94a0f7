namespace CxApi.Common;

/// <summary>What an audit event records: a change through the API, or a refused caller (<see cref="AuthenticationFailed"/>, <see cref="SignatureRejected"/>).</summary>
public enum AuditAction { Created, Updated, Deleted, Revoked, Rotated, Erased, Exported, AuthenticationFailed, SignatureRejected }
