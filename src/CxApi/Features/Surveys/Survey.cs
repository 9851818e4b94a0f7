using CxApi.Common;

namespace CxApi.Features.Surveys;

public sealed record Survey(
    string Id,
    string Name,
    SurveyKind Kind,
    string? Question,
    Channel? Channel,
    string? Touchpoint,
    bool Active,
    Scale Scale,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
