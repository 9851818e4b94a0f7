namespace CxApi.Features.Demo;

/// <summary>
/// The events the demo plants in its 90 days, at fixed days before its end, so that the impact endpoints have a story
/// to tell:
/// <list type="bullet">
/// <item>an outage of the web checkout and the payments API 23 days ago (13:40–16:15 UTC): contacts spike, CSAT collapses
/// during it and is still low the evening after;</item>
/// <item>mobile-app release 5.2.0, 16 days ago, breaks sign-in on some phones: contacts rise and CSAT, NPS, CES and SUS on
/// the app fall until the rollback to 5.1.4 four days later (a <c>cxRegression</c>), with a degraded incident caused by the release;</item>
/// <item>product search is degraded right now (an open incident).</item>
/// </list>
/// Random deployments and incidents stay 8 days clear of the planted ones on their services, so that the planted effects
/// are the ones the before/after windows see.
/// </summary>
public sealed class DemoScenario
{
    /// <summary>How far random changes keep from the planted events on the same services.</summary>
    private static readonly TimeSpan Clearance = TimeSpan.FromDays(8);

    public DemoScenario(DateTimeOffset end)
    {
        var today = new DateTimeOffset(end.UtcDateTime.Date, TimeSpan.Zero);
        OutageStart = today.AddDays(-23).AddHours(13).AddMinutes(40);
        OutageResolved = OutageStart.AddMinutes(155);
        ReleaseFinished = today.AddDays(-16).AddHours(9).AddMinutes(20);
        RollbackFinished = today.AddDays(-12).AddHours(16).AddMinutes(10);
        OngoingStart = end.AddMinutes(-38);
    }

    public static readonly IReadOnlyList<string> OutageServices = [DemoCatalogue.Checkout, DemoCatalogue.Payments];

    public const string RegressionService = DemoCatalogue.MobileApp, DegradedService = DemoCatalogue.Search;

    public const string OutageExternalId = "demo-incident-checkout-outage", ReleaseExternalId = "demo-deploy-mobile-app-5.2.0",
        RollbackExternalId = "demo-deploy-mobile-app-5.1.4", LoginIncidentExternalId = "demo-incident-mobile-login",
        OngoingExternalId = "demo-incident-search-slow";

    public DateTimeOffset OutageStart { get; }

    public DateTimeOffset OutageResolved { get; }

    /// <summary>When CX on the outage's services is back to normal: the evening after.</summary>
    public DateTimeOffset OutageAftermathEnd => OutageResolved.AddHours(18);

    public DateTimeOffset ReleaseFinished { get; }

    public DateTimeOffset RollbackFinished { get; }

    public DateTimeOffset OngoingStart { get; }

    /// <summary>What the planted events do to how customers feel about <paramref name="service"/> at <paramref name="at"/> (0: nothing).</summary>
    public double Effect(string service, DateTimeOffset at)
    {
        if (OutageServices.Contains(service))
        {
            if (at >= OutageStart && at < OutageResolved) return -2.6;
            if (at >= OutageResolved && at < OutageAftermathEnd) return -0.6;
        }
        if (service == RegressionService && at >= ReleaseFinished && at < RollbackFinished) return -1.4;
        if (service == DegradedService && at >= OngoingStart) return -0.8;
        return 0;
    }

    /// <summary>How much longer customers wait for a first response (the queues fill up).</summary>
    public double Slowdown(string service, DateTimeOffset at) => Effect(service, at) switch
    {
        < -2 => 4,
        < -1 => 1.6,
        < 0 => 1.3,
        _ => 1,
    };

    /// <summary>Whether a random deployment or incident on <paramref name="service"/> at <paramref name="at"/> would blur a planted event.</summary>
    public bool Blurs(string service, DateTimeOffset at)
    {
        bool Near(DateTimeOffset planted) => (at - planted).Duration() < Clearance;
        if (OutageServices.Contains(service) && (Near(OutageStart) || Near(OutageResolved))) return true;
        if (service == RegressionService && (Near(ReleaseFinished) || Near(RollbackFinished))) return true;
        return service == DegradedService && Near(OngoingStart);
    }

    /// <summary>The windows with more contacts than usual, on which services, and how many times the usual rate they hold.</summary>
    public IEnumerable<(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<string> Services, double Extra, int AtLeast, string Tag)> Surges(DateTimeOffset end)
    {
        yield return (OutageStart, OutageResolved, OutageServices, 6, 40, "payment-failed");
        yield return (OutageResolved, OutageAftermathEnd, OutageServices, 0.5, 5, "payment-failed");
        yield return (ReleaseFinished, RollbackFinished, [RegressionService], 0.9, 30, "login");
        yield return (OngoingStart, end, [DegradedService], 1.5, 2, "slow");
    }
}
