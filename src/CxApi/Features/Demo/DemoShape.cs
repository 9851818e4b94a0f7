namespace CxApi.Features.Demo;

/// <summary>
/// What <see cref="DemoGenerator"/> makes: the period, the seed and how many records of each kind. <see cref="ForDemo"/> is
/// <c>--demo</c>'s mix; the benchmark builds its own (NPS responses only, over a year, no planted events).
/// </summary>
public sealed record DemoShape
{
    /// <summary>The records end here (for <c>--demo</c>: now).</summary>
    public required DateTimeOffset End { get; init; }

    public int Days { get; init; } = 90;

    public int Seed { get; init; } = 1;

    /// <summary>Activity follows weekdays and daytimes (otherwise flat).</summary>
    public bool Seasonal { get; init; } = true;

    /// <summary>Plant the outage, the regression release and the ongoing incident (<see cref="DemoScenario"/>).</summary>
    public bool Scenario { get; init; } = true;

    public int Customers { get; init; } = 200;

    public int Interactions { get; init; }

    /// <summary>The share of resolved interactions whose customer answers the support CSAT survey.</summary>
    public double SupportCsatShare { get; init; }

    /// <summary>The share of resolved interactions whose customer answers the effort (CES) survey.</summary>
    public double CesShare { get; init; }

    public int NpsResponses { get; init; }

    public int CheckoutCsatResponses { get; init; }

    public int SusResponses { get; init; }

    /// <summary>UX ratings (1–5) of help-center articles.</summary>
    public int RatingResponses { get; init; }

    /// <summary>Load the 932 real Olist reviews, moved into the period.</summary>
    public bool OlistReviews { get; init; }

    public int Deployments { get; init; }

    public int Incidents { get; init; }

    public const int DefaultSize = 25_000;

    /// <summary>
    /// <c>--demo</c>'s mix for about <paramref name="size"/> interactions and survey responses over the 90 days before
    /// <paramref name="end"/> (a third interactions, two thirds responses), the Olist reviews, 130 deployments and 16
    /// incidents besides the planted ones.
    /// </summary>
    public static DemoShape ForDemo(int size, int seed, DateTimeOffset end) => new()
    {
        End = end,
        Seed = seed,
        Customers = Math.Max(150, size / 8),
        Interactions = (int)(size * 0.36),
        SupportCsatShare = 0.55,
        CesShare = 0.2,
        NpsResponses = (int)(size * 0.22),
        CheckoutCsatResponses = (int)(size * 0.1),
        SusResponses = (int)(size * 0.04),
        RatingResponses = (int)(size * 0.03),
        OlistReviews = true,
        Deployments = 130,
        Incidents = 16,
    };
}
