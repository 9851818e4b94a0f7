namespace CxApi.Features.Metrics.Calculators;

/// <summary>System Usability Scale scoring (Brooke 1996).</summary>
public static class SusScoring
{
    public const int ItemCount = 10;

    /// <summary>
    /// Odd items contribute (answer − 1), even items (5 − answer); the sum × 2.5 gives 0–100.
    /// All 3s → 50; 5,1,5,1,… → 100.
    /// </summary>
    public static double Score(IReadOnlyList<int> answers)
    {
        if (answers.Count != ItemCount) throw new ArgumentException($"SUS needs exactly {ItemCount} answers.", nameof(answers));
        var sum = 0;
        for (var i = 0; i < ItemCount; i++)
        {
            var a = answers[i];
            if (a is < 1 or > 5) throw new ArgumentOutOfRangeException(nameof(answers), $"Answer {i + 1} is {a}; answers are 1–5.");
            sum += i % 2 == 0 ? a - 1 : 5 - a; // item 1 is index 0 (odd item)
        }
        return sum * 2.5;
    }
}
