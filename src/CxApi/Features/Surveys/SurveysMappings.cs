using CxApi.Common;
using CxApi.Infrastructure.Entities;

namespace CxApi.Features.Surveys;

public static class SurveysMappings
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

    public static Survey ToContract(this SurveyEntity s)
    {
        var (min, max) = SurveyScales.For(s.Kind);
        return new Survey(s.Id, s.Name, s.Kind, s.Question, s.Channel, s.Touchpoint, s.Active, new Scale(min, max),
            UnixMicros.ToDateTimeOffset(s.CreatedAtMicros), UnixMicros.ToDateTimeOffset(s.UpdatedAtMicros));
    }
}
