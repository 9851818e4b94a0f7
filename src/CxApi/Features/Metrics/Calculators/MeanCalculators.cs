namespace CxApi.Features.Metrics.Calculators;

/// <summary>Metrics whose value is a mean score with a normal-approximation interval.</summary>
public static class MeanCalculators
{
    private const string MeanMethod = "95 % interval: mean ± 1.959964 × s / √n, s the sample standard deviation (n − 1); none for n < 2. lowSample when n < 30.";

    public static readonly MetricDefinition CesDefinition = new(
        Formula: "mean score; easyPct = 100 × (responses scoring 5–7) / responses",
        Scale: "scores 1–7, higher = easier", Method: MeanMethod);

    public static readonly MetricDefinition RatingDefinition = new(
        Formula: "mean score", Scale: "scores 1–5 (UX rating)", Method: MeanMethod);

    public static readonly MetricDefinition SusDefinition = new(
        Formula: "mean of per-response SUS scores; per response: (Σ odd items (answer − 1) + Σ even items (5 − answer)) × 2.5 (Brooke 1996)",
        Scale: "ten answers 1–5 per response; score 0–100; grade on the Sauro–Lewis curved scale (A+ ≥ 84.1 … D ≥ 51.7, else F)",
        Method: MeanMethod);

    public static CesStats Ces(Distribution scores) => new()
    {
        Responses = scores.N,
        Value = scores.Mean,
        Ci95 = MeanInterval(scores),
        StandardDeviation = scores.SampleStdDev,
        EasyPct = Statistics.Percent(scores.Count(s => s >= 5), scores.N),
        Distribution = scores.ByInteger(1, 7),
        LowSample = Statistics.IsLowSample(scores.N),
    };

    public static RatingStats Rating(Distribution scores) => new()
    {
        Responses = scores.N,
        Value = scores.Mean,
        Ci95 = MeanInterval(scores),
        StandardDeviation = scores.SampleStdDev,
        Distribution = scores.ByInteger(1, 5),
        LowSample = Statistics.IsLowSample(scores.N),
    };

    public static SusStats Sus(Distribution susScores) => new()
    {
        Responses = susScores.N,
        Value = susScores.Mean,
        Ci95 = MeanInterval(susScores),
        StandardDeviation = susScores.SampleStdDev,
        Grade = susScores.Mean is { } mean ? SusGrade(mean) : null,
        LowSample = Statistics.IsLowSample(susScores.N),
    };

    public static Interval? MeanInterval(Distribution d) =>
        d.Mean is { } mean && d.SampleStdDev is { } s ? Statistics.MeanInterval(d.N, mean, s) : null;

    /// <summary>Sauro–Lewis curved grading scale.</summary>
    public static string SusGrade(double score) => score switch
    {
        >= 84.1 => "A+",
        >= 80.8 => "A",
        >= 78.9 => "A-",
        >= 77.2 => "B+",
        >= 74.1 => "B",
        >= 72.6 => "B-",
        >= 71.1 => "C+",
        >= 65.0 => "C",
        >= 62.7 => "C-",
        >= 51.7 => "D",
        _ => "F",
    };
}
