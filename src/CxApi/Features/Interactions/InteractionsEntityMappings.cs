using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Validation;
using CxApi.Infrastructure.Entities;

namespace CxApi.Features.Interactions;

/// <summary>How a request or a patch becomes a stored interaction (the contract side is <see cref="InteractionsMappings"/>).</summary>
public static class InteractionsEntityMappings
{
    public static InteractionEntity ToEntity(this CreateInteractionRequest i, Caller caller, long nowMicros)
    {
        var entity = new InteractionEntity
        {
            Id = Ids.New(),
            ClientId = caller.ClientId,
            CreatedByKeyId = caller.KeyId,
            ExternalId = CommonRules.CanonicalExternalId(i.ExternalId),
            ReceivedAtMicros = nowMicros,
            UpdatedAtMicros = nowMicros,
            CustomerId = i.CustomerId,
            Channel = i.Channel!.Value,
            Type = i.Type!,
            OpenedAtMicros = UnixMicros.From(i.OpenedAt!.Value),
            FirstResponseAtMicros = UnixMicros.From(i.FirstResponseAt),
            ResolvedAtMicros = UnixMicros.From(i.ResolvedAt),
            Status = i.Status!.Value,
            ContactCount = i.ContactCount ?? 1,
            Escalated = i.Escalated ?? false,
            Product = i.Product,
            Region = i.Region,
            Service = i.Service,
            Team = i.Team,
            Tags = i.Tags is null ? [] : [.. i.Tags],
        };
        entity.UpdateDurationBins();
        return entity;
    }

    /// <summary>Applies a merge patch to a tracked entity; the caller checks <see cref="InteractionRules"/> afterwards.</summary>
    public static void Apply(this InteractionEntity e, UpdateInteractionRequest patch)
    {
        e.FirstResponseAtMicros = patch.FirstResponseAt.IsSet ? UnixMicros.From(patch.FirstResponseAt.Value) : e.FirstResponseAtMicros;
        e.ResolvedAtMicros = patch.ResolvedAt.IsSet ? UnixMicros.From(patch.ResolvedAt.Value) : e.ResolvedAtMicros;
        e.Status = patch.Status.Or(e.Status) ?? e.Status;
        e.ContactCount = patch.ContactCount.Or(e.ContactCount) ?? e.ContactCount;
        e.Escalated = patch.Escalated.Or(e.Escalated) ?? e.Escalated;
        e.Team = patch.Team.Or(e.Team);
        if (patch.Tags is { IsSet: true, Value: { } tags } && !tags.SequenceEqual(e.Tags)) e.Tags = [.. tags];
        e.UpdateDurationBins();
    }
}
