using CxApi.Common;

namespace CxApi.Features.Retention;

/// <summary>
/// How long each record kind is kept, as ISO 8601 durations of weeks, days, hours, minutes or seconds (<c>P90D</c>,
/// <c>P104W</c>); none (the default) keeps them forever. Checked at start by <see cref="RetentionOptionsValidator"/>.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";
    public static readonly TimeSpan ShortestLimit = TimeSpan.FromDays(1);
    public static readonly TimeSpan LongestInterval = TimeSpan.FromDays(7);
    public const int MostPerBatch = 10_000;

    public string? Responses { get; set; }
    public string? Interactions { get; set; }
    public string? Reviews { get; set; }
    public string? Incidents { get; set; }
    /// <summary>How often the retention job runs (the first pass at start).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>How many records one purge transaction deletes at most.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>The limit of <paramref name="kind"/>, null when its records are kept forever (unset or empty).</summary>
    public TimeSpan? LimitOf(RetainedKind kind) =>
        kind.Limit(this) is { Length: > 0 } text ? IsoDuration.Parse(text) : null;
}
