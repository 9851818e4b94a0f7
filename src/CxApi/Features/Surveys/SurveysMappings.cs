using CxApi.Common;
using CxApi.Infrastructure.Entities;
using Mapster;

namespace CxApi.Features.Surveys;

/// <summary>How a stored survey becomes its contract; every member without a line here has the same name on both.</summary>
public sealed class SurveysMappings : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<SurveyEntity, Survey>()
            // Logic: the scale is the survey kind's (0–10 for NPS, 1–5 for CSAT, …), not stored.
            .Map(d => d.Scale, s => ScaleOf(s.Kind))
            // Time conversion: stored as Unix microseconds, answered as RFC 3339.
            .Map(d => d.CreatedAt, s => UnixMicros.ToDateTimeOffset(s.CreatedAtMicros))
            .Map(d => d.UpdatedAt, s => UnixMicros.ToDateTimeOffset(s.UpdatedAtMicros));

    internal static Scale ScaleOf(SurveyKind kind)
    {
        var (min, max) = SurveyScales.For(kind);
        return new Scale(min, max);
    }
}
