namespace CxApi.Features.Metrics.Calculators;

public static class CsatCalculator
{
    public static readonly MetricDefinition Definition = new(
        Formula: "100 × (responses scoring 4 or 5) / responses (top-2-box); average = mean score",
        Scale: "scores 1–5; value 0–100 %",
        Method: "95 % interval: Wilson score interval on the satisfied share, × 100. lowSample when n < 30.");

    public static CsatStats Compute(Distribution scores)
    {
        var n = scores.N;
        var satisfied = scores.Count(s => s >= 4);
        return new CsatStats
        {
            Responses = n,
            Satisfied = satisfied,
            Value = Statistics.Percent(satisfied, n),
            Ci95 = Statistics.Scale(Statistics.Wilson(satisfied, n), 100),
            Average = scores.Mean,
            Distribution = scores.ByInteger(1, 5),
            LowSample = Statistics.IsLowSample(n),
        };
    }
}
