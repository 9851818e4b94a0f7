using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Validation;
using CxApi.Features.Metrics.Calculators;
using CxApi.Infrastructure.Entities;

namespace CxApi.Features.Responses;

/// <summary>How a request becomes a stored response (the contract side is <see cref="ResponsesMappings"/>).</summary>
public static class ResponsesEntityMappings
{
    public static ResponseEntity ToEntity(this CreateResponseRequest r, SurveyKind kind, Caller caller, long nowMicros) => new()
    {
        Id = Ids.New(),
        ClientId = caller.ClientId,
        CreatedByKeyId = caller.KeyId,
        ExternalId = CommonRules.CanonicalExternalId(r.ExternalId),
        ReceivedAtMicros = nowMicros,
        SurveyId = r.SurveyId!,
        Kind = kind,
        Score = kind == SurveyKind.Sus ? null : r.Score,
        Answers = kind == SurveyKind.Sus ? [.. r.Answers!] : null,
        SusScore = kind == SurveyKind.Sus ? SusScoring.Score(r.Answers!) : null,
        Comment = r.Comment,
        CustomerId = r.CustomerId,
        InteractionId = r.InteractionId,
        Channel = r.Channel,
        Product = r.Product,
        Region = r.Region,
        Service = r.Service,
        Tags = r.Tags is null ? [] : [.. r.Tags],
        RespondedAtMicros = UnixMicros.From(r.RespondedAt!.Value),
    };
}
