using CxApi.Common.Json;

namespace CxApi.Features.Surveys;

/// <summary>JSON Merge Patch: absent fields stay; <c>question: null</c> clears the question.</summary>
public sealed record UpdateSurveyRequest(
    Optional<string?> Name = default,
    Optional<string?> Question = default,
    Optional<bool?> Active = default);
