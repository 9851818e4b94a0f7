namespace CxApi.Features.Integrations;

/// <summary>How the responses to one typeform become survey responses.</summary>
public sealed class TypeformForm
{
    /// <summary>The CxApi survey the responses answer (a score survey: nps, csat, ces or rating).</summary>
    public string? SurveyId { get; set; }

    /// <summary>The ref of the question whose number answer is the score.</summary>
    public string? ScoreField { get; set; }

    /// <summary>The ref of the question whose text answer is the comment (optional).</summary>
    public string? CommentField { get; set; }

    /// <summary>The hidden field that carries the customer's id (optional).</summary>
    public string? CustomerHidden { get; set; }
}
