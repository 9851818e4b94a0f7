using CxApi.Common;

namespace CxApi.Features.Responses;

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
    string? ExternalId,
    bool Redacted);
