namespace CxApi.Infrastructure;

/// <summary>
/// What to count: records whose own time lies in <c>[FromMicros, ToMicros)</c>, matching every filter
/// (values of one dimension mean "either"), optionally per group and per time bucket. Bucket i is
/// <c>[Boundaries[i], Boundaries[i+1])</c>; without boundaries everything is bucket 0.
/// </summary>
public sealed record CountScope(
    long FromMicros,
    long ToMicros,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    string? GroupBy = null,
    IReadOnlyList<long>? Boundaries = null);
