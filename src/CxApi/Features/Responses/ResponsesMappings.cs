using CxApi.Common;
using CxApi.Features.Metrics.Calculators;
using CxApi.Infrastructure.Entities;
using Mapster;

namespace CxApi.Features.Responses;

/// <summary>How a stored response becomes its contract; every member without a line here has the same name on both.</summary>
public sealed class ResponsesMappings : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<ResponseEntity, SurveyResponse>()
            // Logic: only an NPS score has a category (promoter, passive or detractor).
            .Map(d => d.Category, s => CategoryOf(s.Kind, s.Score))
            // Logic, done once at ingest: the SUS score (0–100) is SusScoring.Score of the ten answers, stored with them.
            .Map(d => d.SusScore, s => s.SusScore)
            // Time conversion: stored as Unix microseconds, answered as RFC 3339.
            .Map(d => d.RespondedAt, s => UnixMicros.ToDateTimeOffset(s.RespondedAtMicros))
            .Map(d => d.ReceivedAt, s => UnixMicros.ToDateTimeOffset(s.ReceivedAtMicros));

    internal static NpsCategory? CategoryOf(SurveyKind kind, int? score) =>
        kind == SurveyKind.Nps && score is { } nps ? NpsCalculator.Categorize(nps) : null;
}
