using CxApi.Common;

namespace CxApi.Infrastructure.Entities;

public sealed class ResponseEntity : RecordEntity, IRedactableRecord
{
    public required string SurveyId { get; init; }
    public SurveyKind Kind { get; init; }
    public int? Score { get; init; }
    public int[]? Answers { get; init; }
    public double? SusScore { get; init; }
    public string? Comment { get; set; }
    public string? CustomerId { get; init; }
    public string? InteractionId { get; init; }
    public Channel? Channel { get; init; }
    public string? Product { get; init; }
    public string? Region { get; init; }
    public string? Service { get; init; }
    public List<string> Tags { get; init; } = [];
    public long RespondedAtMicros { get; init; }
    public bool Redacted { get; set; }

    public bool MaskFreeText(Func<string?, string?> mask)
    {
        var comment = mask(Comment);
        if (comment == Comment) return false;
        Comment = comment;
        return true;
    }
}
