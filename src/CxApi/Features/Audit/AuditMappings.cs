using CxApi.Common;
using CxApi.Infrastructure.Entities;
using Mapster;

namespace CxApi.Features.Audit;

/// <summary>How a stored audit event becomes its contract; every member without a line here has the same name on both.</summary>
public sealed class AuditMappings : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<AuditEventEntity, AuditEvent>()
            // Time conversion: stored as Unix microseconds, answered as RFC 3339.
            .Map(d => d.At, s => UnixMicros.ToDateTimeOffset(s.AtMicros));
}
