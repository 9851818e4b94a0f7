using CxApi.Common;

namespace CxApi.Features.Surveys;

public sealed record SurveyInfo(string Id, SurveyKind Kind, bool Active);
