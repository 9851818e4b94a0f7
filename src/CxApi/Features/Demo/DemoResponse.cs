using CxApi.Features.Responses;

namespace CxApi.Features.Demo;

/// <summary>
/// A survey response to store: its <see cref="Request"/> without <c>surveyId</c> and <c>interactionId</c>, which the writer
/// fills in from the survey's key and the index of the interaction it follows, once those have ids.
/// </summary>
public sealed record DemoResponse(string SurveyKey, int? Interaction, CreateResponseRequest Request);
