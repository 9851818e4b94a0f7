namespace CxApi.Features.Metrics;

/// <summary>Counts per time bucket, in total and (with groupBy) per group key.</summary>
public sealed class Counted<T>(Func<T> empty, Func<T, T, T> add)
{
    private readonly Dictionary<int, T> _total = [];
    private Dictionary<string, Dictionary<int, T>>? _groups;
    private Dictionary<int, T>? _nullGroup;

    public void AddTotal(int bucket, T counts) => _total[bucket] = add(_total.GetValueOrDefault(bucket) ?? empty(), counts);

    public void AddGroup(string? key, int bucket, T counts)
    {
        var group = key is null
            ? _nullGroup ??= []
            : (_groups ??= new(StringComparer.Ordinal)).TryGetValue(key, out var g) ? g : _groups[key] = [];
        group[bucket] = add(group.GetValueOrDefault(bucket) ?? empty(), counts);
    }

    /// <summary>Everything counted, over all buckets.</summary>
    public T Total() => _total.Values.Aggregate(empty(), add);

    public T At(int bucket) => _total.GetValueOrDefault(bucket) ?? empty();

    /// <summary>The total over buckets <c>[first, end)</c>.</summary>
    public T Over(int first, int end) => Enumerable.Range(first, Math.Max(0, end - first)).Select(At).Aggregate(empty(), add);

    /// <summary>The groups in key order (records without the dimension last, under a null key).</summary>
    public IEnumerable<(string? Key, Func<int, T> At, T Total)> Groups()
    {
        var named = (_groups ?? []).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => ((string?)g.Key, g.Value));
        foreach (var (key, buckets) in _nullGroup is null ? named : named.Append((null, _nullGroup)))
            yield return (key, b => buckets.GetValueOrDefault(b) ?? empty(), buckets.Values.Aggregate(empty(), add));
    }
}
