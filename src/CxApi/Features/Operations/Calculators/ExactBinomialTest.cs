namespace CxApi.Features.Operations.Calculators;

/// <summary>
/// The exact two-sided binomial test of H0: X ~ Binomial(n, p), by the method of small p-values: the p-value is the
/// total probability of the outcomes no more likely than the observed one, P(i) ≤ P(x) × (1 + 10⁻⁷), the relative
/// tolerance R's <c>binom.test</c> uses so that outcomes tied in exact arithmetic are not split by rounding. The
/// probabilities are computed in log space (log-factorials), so counts in the millions neither overflow nor underflow.
/// </summary>
public static class ExactBinomialTest
{
    private const double RelativeTolerance = 1 + 1e-7;

    /// <summary>The two-sided p-value of <paramref name="successes"/> in <paramref name="trials"/> when each succeeds with probability <paramref name="p"/>.</summary>
    public static double TwoSided(long successes, long trials, double p)
    {
        if (!(p is > 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "The success probability lies strictly between 0 and 1.");
        return TwoSided(successes, trials, p, Math.Log(1 - p));
    }

    /// <summary>As <see cref="TwoSided(long, long, double)"/> with log (1 − p) given, for callers that know it more precisely than 1 − p.</summary>
    internal static double TwoSided(long successes, long trials, double p, double logQ)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        var logP = Math.Log(p);
        if (trials == 0 || successes == trials * p) return 1; // R: an outcome equal to its expectation has p = 1

        double LogP(long i) => LogFactorial(trials) - LogFactorial(i) - LogFactorial(trials - i) + i * logP + (trials - i) * logQ;
        var logObserved = LogP(successes);
        var logThreshold = logObserved + Math.Log(RelativeTolerance);

        // The pmf rises up to its mode ⌊(n + 1)p⌋ and falls after it, so the outcomes at most as likely as the observed
        // one form two tails, [0, left] and [right, n]; each is found by bisection and summed outwards until its terms
        // vanish. Terms are taken relative to P(x) (the observed term is 1) so a tiny p-value does not underflow midway.
        var mode = Math.Min(trials, (long)Math.Floor((trials + 1) * p));
        if (LogP(mode) <= logThreshold) return 1;
        var left = LastAtOrBelow(0, mode, i => LogP(i) <= logThreshold);
        var right = FirstAtOrBelow(mode, trials, i => LogP(i) <= logThreshold);

        var relativeSum = 0.0;
        for (var i = left; i >= 0; i--)
        {
            var term = Math.Exp(LogP(i) - logObserved);
            relativeSum += term;
            if (term < relativeSum * 1e-17) break;
        }
        for (var i = right; i <= trials; i++)
        {
            var term = Math.Exp(LogP(i) - logObserved);
            relativeSum += term;
            if (term < relativeSum * 1e-17) break;
        }
        return Math.Min(1, Math.Exp(logObserved + Math.Log(relativeSum)));
    }

    /// <summary>ln k!: exact products up to 20!, then Stirling's series for ln Γ(k + 1) (error below 10⁻¹⁵).</summary>
    internal static double LogFactorial(long k)
    {
        if (k <= 20)
        {
            var factorial = 1.0;
            for (var i = 2; i <= k; i++) factorial *= i;
            return Math.Log(factorial);
        }
        double x = k + 1, x2 = x * x;
        return (x - 0.5) * Math.Log(x) - x + 0.5 * Math.Log(2 * Math.PI)
               + (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - 1.0 / (1680 * x2)) / x2) / x2) / x;
    }

    /// <summary>The largest i in [from, to] with <paramref name="holds"/>(i), holds being true on a prefix; from − 1 if none.</summary>
    private static long LastAtOrBelow(long from, long to, Func<long, bool> holds)
    {
        if (!holds(from)) return from - 1;
        while (from < to)
        {
            var mid = from + (to - from + 1) / 2;
            if (holds(mid)) from = mid; else to = mid - 1;
        }
        return from;
    }

    /// <summary>The smallest i in [from, to] with <paramref name="holds"/>(i), holds being true on a suffix; to + 1 if none.</summary>
    private static long FirstAtOrBelow(long from, long to, Func<long, bool> holds)
    {
        if (!holds(to)) return to + 1;
        while (from < to)
        {
            var mid = from + (to - from) / 2;
            if (holds(mid)) to = mid; else from = mid + 1;
        }
        return to;
    }
}
