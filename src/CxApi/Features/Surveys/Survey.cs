using CxApi.Common;
using CxApi.Common.Json;
using CxApi.Common.Paging;

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
