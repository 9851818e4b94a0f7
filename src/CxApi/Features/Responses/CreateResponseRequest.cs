using CxApi.Common;

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
