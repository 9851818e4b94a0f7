using CxApi.Features.Surveys;

namespace CxApi.Features.Demo;

/// <summary>A survey the demo creates; its responses name it by <paramref name="Key"/> until it has an id.</summary>
public sealed record DemoSurvey(string Key, CreateSurveyRequest Request);
