using CxApi.Common;
using CxApi.Infrastructure.Entities;

namespace CxApi.Features.Surveys;

/// <summary>How a request becomes a stored survey (the contract side is <see cref="SurveysMappings"/>).</summary>
public static class SurveysEntityMappings
{
    public static SurveyEntity ToEntity(this CreateSurveyRequest request, long nowMicros) => new()
    {
        Id = Ids.New(),
        Name = request.Name!,
        Kind = request.Kind!.Value,
        Question = request.Question,
        Channel = request.Channel,
        Touchpoint = request.Touchpoint,
        Active = request.Active ?? true,
        CreatedAtMicros = nowMicros,
        UpdatedAtMicros = nowMicros,
    };
}
