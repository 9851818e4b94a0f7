using CxApi.Common;

namespace CxApi.Features.Surveys;

public sealed record CreateSurveyRequest(
    string? Name,
    SurveyKind? Kind,
    string? Question = null,
    Channel? Channel = null,
    string? Touchpoint = null,
    bool? Active = null);
