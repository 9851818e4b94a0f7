using CxApi.Common;
using CxApi.Common.Json;
using CxApi.Common.Paging;

namespace CxApi.Features.Surveys;

public sealed record CreateSurveyRequest(
    string? Name,
    SurveyKind? Kind,
    string? Question = null,
    Channel? Channel = null,
    string? Touchpoint = null,
    bool? Active = null);

/// <summary>JSON Merge Patch: absent fields stay; <c>question: null</c> clears the question.</summary>
public sealed record UpdateSurveyRequest(
    Optional<string?> Name = default,
    Optional<string?> Question = default,
    Optional<bool?> Active = default);

public sealed record Scale(int Min, int Max);

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

public sealed record SurveyListQuery(
    string[]? Kind,
    bool? Active,
    string? From,
    string? To,
    int? Limit,
    string? Cursor) : IListQuery;
