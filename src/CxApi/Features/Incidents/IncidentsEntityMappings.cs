using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Validation;
using CxApi.Infrastructure.Entities;

namespace CxApi.Features.Incidents;

/// <summary>How a request becomes a stored incident and how a PATCH changes one (the contract side is <see cref="IncidentsMappings"/>).</summary>
public static class IncidentsEntityMappings
{
    public static IncidentEntity ToEntity(this CreateIncidentRequest i, Caller caller, long nowMicros) => new()
    {
        Id = Ids.New(),
        ClientId = caller.ClientId,
        CreatedByKeyId = caller.KeyId,
        ExternalId = CommonRules.CanonicalExternalId(i.ExternalId),
        ReceivedAtMicros = nowMicros,
        UpdatedAtMicros = nowMicros,
        Title = i.Title!,
        Services = [.. i.Services!],
        Severity = i.Severity!.Value,
        Impact = i.Impact!.Value,
        StartedAtMicros = UnixMicros.From(i.StartedAt!.Value),
        DetectedAtMicros = UnixMicros.From(i.DetectedAt),
        AcknowledgedAtMicros = UnixMicros.From(i.AcknowledgedAt),
        MitigatedAtMicros = UnixMicros.From(i.MitigatedAt),
        ResolvedAtMicros = UnixMicros.From(i.ResolvedAt),
        CustomerIds = i.CustomerIds is null ? [] : [.. i.CustomerIds],
        CausedByDeploymentId = i.CausedByDeploymentId,
        Source = i.Source,
        Url = i.Url,
    };

    /// <summary>Fields left out stay; a field set to null is cleared (the validator refuses null where a value is required).</summary>
    public static void Apply(this IncidentEntity e, UpdateIncidentRequest patch)
    {
        e.Title = patch.Title.Or(e.Title) ?? e.Title;
        if (patch.Services is { IsSet: true, Value: { } services } && !services.SequenceEqual(e.Services)) e.Services = [.. services];
        e.Severity = patch.Severity.Or(e.Severity) ?? e.Severity;
        e.Impact = patch.Impact.Or(e.Impact) ?? e.Impact;
        e.StartedAtMicros = patch.StartedAt is { IsSet: true, Value: { } started } ? UnixMicros.From(started) : e.StartedAtMicros;
        e.DetectedAtMicros = patch.DetectedAt.IsSet ? UnixMicros.From(patch.DetectedAt.Value) : e.DetectedAtMicros;
        e.AcknowledgedAtMicros = patch.AcknowledgedAt.IsSet ? UnixMicros.From(patch.AcknowledgedAt.Value) : e.AcknowledgedAtMicros;
        e.MitigatedAtMicros = patch.MitigatedAt.IsSet ? UnixMicros.From(patch.MitigatedAt.Value) : e.MitigatedAtMicros;
        e.ResolvedAtMicros = patch.ResolvedAt.IsSet ? UnixMicros.From(patch.ResolvedAt.Value) : e.ResolvedAtMicros;
        if (patch.CustomerIds is { IsSet: true, Value: { } customers } && !customers.SequenceEqual(e.CustomerIds)) e.CustomerIds = [.. customers];
        e.CausedByDeploymentId = patch.CausedByDeploymentId.Or(e.CausedByDeploymentId);
        e.Url = patch.Url.Or(e.Url);
    }
}
