using CxApi.Common;
using CxApi.Common.OpenApi;
using CxApi.Common.Paging;

namespace CxApi.Features.Audit;

/// <summary>OpenAPI examples of the audit trail: an admin's delete and a minute of refused keys.</summary>
public sealed class AuditExamples : IOpenApiExamples
{
    public IReadOnlyDictionary<Type, Func<object>> Responses => new Dictionary<Type, Func<object>>
    {
        [typeof(AuditEvent)] = Deleted,
        [typeof(Page<AuditEvent>)] = () => new Page<AuditEvent>([Deleted(), RefusedKeys()], null),
    };

    private static AuditEvent Deleted() => new("0193a4f0-2c3d-7e4f-8a5b-6c7d8e9f0a1b", ExampleValues.At, AuditAction.Deleted,
        ExampleValues.KeyId, ApiKeyRole.Admin, "203.0.113.7", "webhook", "0193a4f0-1b2c-7d3e-8f4a-5b6c7d8e9f0a", AuditOutcome.Success,
        null, null, null, null, 1);

    private static AuditEvent RefusedKeys() => new("0193a4ef-f5e6-7a7b-8c9d-0e1f2a3b4c5d", ExampleValues.At.AddMinutes(-1) - TimeSpan.FromSeconds(1),
        AuditAction.AuthenticationFailed, null, null, "198.51.100.23", "api_key", null, AuditOutcome.Failure, "unknown_key", "cx_live_7Qz", null, null,
        14);
}
