using CxApi.Common;

namespace CxApi.Infrastructure.Entities;

public sealed class ResponseEntity : RecordEntity
{
    public required string SurveyId { get; init; }
    public SurveyKind Kind { get; init; }
    public int? Score { get; init; }
    public int[]? Answers { get; init; }
    public double? SusScore { get; init; }
    public string? Comment { get; init; }
    public string? CustomerId { get; init; }
    public string? InteractionId { get; init; }
    public Channel? Channel { get; init; }
    public string? Product { get; init; }
    public string? Region { get; init; }
    public string? Service { get; init; }
    public List<string> Tags { get; init; } = [];
    public long RespondedAtMicros { get; init; }
}
