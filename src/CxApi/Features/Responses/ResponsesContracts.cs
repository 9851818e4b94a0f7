using CxApi.Common;
using CxApi.Common.Paging;

namespace CxApi.Features.Responses;

public sealed record CreateResponseRequest(
    string? SurveyId,
    int? Score = null,
    IReadOnlyList<int>? Answers = null,
    string? Comment = null,
    string? CustomerId = null,
    string? InteractionId = null,
    Channel? Channel = null,
    string? Product = null,
    string? Region = null,
    string? Service = null,
    IReadOnlyList<string>? Tags = null,
    DateTimeOffset? RespondedAt = null,
    string? ExternalId = null);

public sealed record SurveyResponse(
    string Id,
    string SurveyId,
    SurveyKind Kind,
    int? Score,
    IReadOnlyList<int>? Answers,
    double? SusScore,
    NpsCategory? Category,
    string? Comment,
    string? CustomerId,
    string? InteractionId,
    Channel? Channel,
    string? Product,
    string? Region,
    string? Service,
    IReadOnlyList<string> Tags,
    DateTimeOffset RespondedAt,
    DateTimeOffset ReceivedAt,
    string? ExternalId);

public sealed record ResponseListQuery(
    string[]? SurveyId,
    string[]? Kind,
    string? From,
    string? To,
    string[]? Channel,
    string[]? Product,
    string[]? Region,
    string[]? Tag,
    string[]? CustomerId,
    int? Limit,
    string? Cursor,
    string[]? Service = null) : IListQuery;
