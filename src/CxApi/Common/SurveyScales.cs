namespace CxApi.Common;

/// <summary>The answer scale of each survey kind (for <c>sus</c>: of each of its ten answers).</summary>
public static class SurveyScales
{
    public static (int Min, int Max) For(SurveyKind kind) => kind switch
    {
        SurveyKind.Nps => (0, 10),
        SurveyKind.Csat => (1, 5),
        SurveyKind.Ces => (1, 7),
        SurveyKind.Rating => (1, 5),
        SurveyKind.Sus => (1, 5),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
