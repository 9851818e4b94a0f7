namespace CxApi.Features.Metrics.Calculators;

/// <summary>
/// Spearman's rank correlation from grouped counts: the Pearson correlation of the ranks, tied values
/// sharing the average of the ranks they span. Cells <c>(x, y, count)</c> arrive in ascending x (as a
/// database streams them), so each x gets its rank in one pass; y has few distinct values (a survey
/// scale), and their ranks follow from their totals at the end. Memory: one entry per distinct y.
/// </summary>
public sealed class SpearmanAccumulator
{
    private readonly List<(double Y, long Count)> _group = [];
    private readonly SortedDictionary<double, (long Count, double SumRankX)> _byY = [];
    private double? _x;
    private long _n;
    private double _sumRankX, _sumRankX2;

    public void Add(double x, double y, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_x is { } current && x < current) throw new ArgumentException("Cells must come in ascending x.", nameof(x));
        if (_x != x) Flush();
        _x = x;
        _group.Add((y, count));
    }

    /// <summary>Gives the finished x group the average of the ranks it spans.</summary>
    private void Flush()
    {
        var size = _group.Sum(c => c.Count);
        if (size == 0) return;
        var rank = _n + (size + 1) / 2.0;
        foreach (var (y, count) in _group)
        {
            var (n, sum) = _byY.GetValueOrDefault(y);
            _byY[y] = (n + count, sum + rank * count);
        }
        _sumRankX += rank * size;
        _sumRankX2 += rank * rank * size;
        _n += size;
        _group.Clear();
    }

    /// <summary>ρ; null with fewer than two pairs or when either variable is constant.</summary>
    public RankCorrelationStats Result()
    {
        Flush();
        if (_n < 2) return new(null, _n);
        double before = 0, sumRankY = 0, sumRankY2 = 0, sumProducts = 0;
        foreach (var (_, (count, sumRankX)) in _byY)
        {
            var rank = before + (count + 1) / 2.0;
            sumRankY += rank * count;
            sumRankY2 += rank * rank * count;
            sumProducts += rank * sumRankX;
            before += count;
        }
        double n = _n;
        var covariance = sumProducts - _sumRankX * sumRankY / n;
        var varianceX = _sumRankX2 - _sumRankX * _sumRankX / n;
        var varianceY = sumRankY2 - sumRankY * sumRankY / n;
        if (varianceX <= 0 || varianceY <= 0) return new(null, _n);
        return new(Math.Clamp(covariance / Math.Sqrt(varianceX * varianceY), -1, 1), _n);
    }
}
