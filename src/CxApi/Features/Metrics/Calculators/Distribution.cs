namespace CxApi.Features.Metrics.Calculators;

/// <summary>
/// How many observations took each value: the sufficient statistic of every survey and review metric.
/// Counting happens in the database; everything else is computed exactly from this.
/// </summary>
public sealed class Distribution
{
    private readonly SortedDictionary<double, long> _counts = [];

    public static Distribution Of(params (double Value, long Count)[] counts)
    {
        var d = new Distribution();
        foreach (var (value, count) in counts) d.Add(value, count);
        return d;
    }

    public static Distribution OfValues(IEnumerable<double> values)
    {
        var d = new Distribution();
        foreach (var v in values) d.Add(v, 1);
        return d;
    }

    public void Add(double value, long count)
    {
        if (count == 0) return;
        _counts[value] = _counts.GetValueOrDefault(value) + count;
    }

    public void Add(Distribution other)
    {
        foreach (var (value, count) in other._counts) Add(value, count);
    }

    public long N => _counts.Values.Sum();

    public long Count(Func<double, bool> predicate) => _counts.Where(c => predicate(c.Key)).Sum(c => c.Value);

    public long CountOf(double value) => _counts.GetValueOrDefault(value);

    public double Sum => _counts.Sum(c => c.Key * c.Value);

    public double? Mean => N > 0 ? Sum / N : null;

    /// <summary>Sample standard deviation (n − 1); null below two observations.</summary>
    public double? SampleStdDev
    {
        get
        {
            var n = N;
            if (n < 2) return null;
            var mean = Sum / n;
            var squares = _counts.Sum(c => c.Value * (c.Key - mean) * (c.Key - mean));
            return Math.Sqrt(squares / (n - 1));
        }
    }

    /// <summary>Counts for each integer of <c>[min, max]</c>, keyed "1".."5" as the contract shows them.</summary>
    public IReadOnlyDictionary<string, long> ByInteger(int min, int max) =>
        Enumerable.Range(min, max - min + 1).ToDictionary(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture), v => CountOf(v));
}
