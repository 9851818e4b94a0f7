namespace CxApi.Features.Operations.Calculators;

/// <summary>
/// Holm's (1979) step-down correction for m simultaneous tests, holding the family-wise error rate at α.
/// With the p-values sorted p₍₁₎ ≤ … ≤ p₍ₘ₎ (ties in input order), the adjusted p-value is
/// <c>p̃₍ᵢ₎ = min(1, max over j ≤ i of (m − j + 1) × p₍ⱼ₎)</c>, as R's <c>p.adjust(p, "holm")</c>; a hypothesis is rejected
/// when p̃ ≤ α, which is Holm's rule: reject H₍₁₎, H₍₂₎, … while p₍ᵢ₎ ≤ α / (m − i + 1), and stop at the first that is not.
/// Tests that could not run (null p-value) are left out of m and reported as not rejected.
/// </summary>
public static class HolmCorrection
{
    public const double DefaultAlpha = 0.05;

    /// <summary>One decision per p-value, in the order given.</summary>
    public static IReadOnlyList<HolmDecision> Apply(IReadOnlyList<double?> pValues, double alpha = DefaultAlpha)
    {
        if (!(alpha is > 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α lies strictly between 0 and 1.");
        if (pValues.Any(p => p is { } value && !(value is >= 0 and <= 1)))
            throw new ArgumentOutOfRangeException(nameof(pValues), "A p-value lies between 0 and 1.");

        var decisions = pValues.Select(p => new HolmDecision(p, null, false)).ToArray();
        var ranked = Enumerable.Range(0, pValues.Count).Where(i => pValues[i] is not null).OrderBy(i => pValues[i]).ToList();
        var m = ranked.Count;
        var adjusted = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            var index = ranked[rank];
            adjusted = Math.Min(1, Math.Max(adjusted, (m - rank) * pValues[index]!.Value));
            decisions[index] = decisions[index] with { AdjustedPValue = adjusted, Rejected = adjusted <= alpha };
        }
        return decisions;
    }
}
