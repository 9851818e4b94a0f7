namespace CxApi.Infrastructure.Entities;

/// <summary>A secret key the audit trail uses (the customer-id hash key), encrypted with Data Protection; the same on every instance.</summary>
public sealed class AuditKeyEntity
{
    public required string Id { get; init; }
    public required string ProtectedKey { get; init; }
    public long CreatedAtMicros { get; init; }
}
