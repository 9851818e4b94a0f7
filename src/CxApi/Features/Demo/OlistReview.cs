namespace CxApi.Features.Demo;

/// <summary>One real review of the Olist marketplace (see Data/SOURCES.md); <paramref name="AnsweredAt"/> in Brazilian time.</summary>
public sealed record OlistReview(string ReviewId, int Score, string? Title, string? Message, DateTimeOffset AnsweredAt);
