using CxApi.Common;
using CxApi.Features.Deployments;
using CxApi.Features.Incidents;
using CxApi.Features.Interactions;
using CxApi.Features.Responses;
using CxApi.Features.Reviews;
using CxApi.Features.Services;
using CxApi.Features.Surveys;

namespace CxApi.Features.Demo;

/// <summary>
/// Believable CX and IT-operations records from a seed and a <see cref="DemoShape"/>, as the API's own create requests:
/// the service catalogue, surveys, deployments, incidents, interactions, survey responses and the real Olist reviews.
/// How a customer answers follows one latent satisfaction: the customer's mood, the service's quality, the interaction's
/// waits (log-normal, per channel) and the planted events (<see cref="DemoScenario"/>). Each part draws from its own
/// seeded <see cref="Random"/>, and the same shape and seed give the same records.
/// </summary>
public sealed class DemoGenerator
{
    public const string Nps = "nps", SupportCsat = "support-csat", CheckoutCsat = "checkout-csat", Ces = "ces", Sus = "sus", Rating = "rating";

    private static readonly string[] Regions = ["emea", "amer", "apac"];

    /// <summary>Median first-response and handling times per channel, in seconds, and the spread (σ of the logarithm) of handling.</summary>
    private static readonly Dictionary<Channel, (double FirstResponse, double Handling, double Sigma)> Timing = new()
    {
        [Channel.Phone] = (40, 420, 0.6),
        [Channel.Chat] = (75, 840, 0.8),
        [Channel.Mobile] = (1_800, 10_800, 1.0),
        [Channel.Social] = (3_600, 7_200, 1.0),
        [Channel.Email] = (14_400, 64_800, 1.0),
        [Channel.Web] = (18_000, 72_000, 1.0),
    };

    private static readonly Dictionary<string, string[]> TagsOfType = new(StringComparer.Ordinal)
    {
        ["question"] = ["how-to", "pricing", "availability"],
        ["problem"] = ["bug", "slow", "login", "payment-failed"],
        ["billing"] = ["refund", "invoice", "double-charge"],
        ["delivery"] = ["late-delivery", "tracking", "damaged"],
        ["account"] = ["password", "profile", "close-account"],
    };

    private static readonly string[] Praise =
        ["Quick and friendly, thank you!", "Solved on the first contact.", "Great service as always.", "Easy, it just works.", "Very helpful agent."];

    private static readonly string[] Complaints =
        ["Waited far too long for an answer.", "Had to explain my problem three times.", "Payment failed twice, very frustrating.",
         "The app keeps logging me out.", "Still not solved.", "Nobody called me back."];

    private readonly DemoShape _shape;
    private readonly DemoTimeline _timeline;
    private readonly double[] _mood;
    private readonly string[] _region;
    private List<CreateDeploymentRequest>? _deployments;
    private List<DemoIncident>? _incidents;
    private List<CreateInteractionRequest>? _interactions;
    private List<double>? _experience;

    public DemoGenerator(DemoShape shape)
    {
        _shape = shape;
        _timeline = new DemoTimeline(shape.End, shape.Days, shape.Seasonal);
        Scenario = shape.Scenario ? new DemoScenario(_timeline.End) : null;
        var random = Draws(0);
        _mood = [.. Enumerable.Range(0, shape.Customers).Select(_ => random.Normal())];
        _region = [.. Enumerable.Range(0, shape.Customers).Select(_ => random.Weighted(("emea", 45), ("amer", 35), ("apac", 20)))];
    }

    public DemoShape Shape => _shape;

    public DemoScenario? Scenario { get; }

    public DateTimeOffset Start => _timeline.Start;

    public DateTimeOffset End => _timeline.End;

    /// <summary>The catalogue (<see cref="DemoCatalogue"/>).</summary>
    public static IReadOnlyList<CreateServiceRequest> Services() =>
        [.. DemoCatalogue.Services.Select(s => new CreateServiceRequest(s.Key, s.Name, s.Tier, null, s.Team))];

    /// <summary>The surveys whose responses the shape asks for.</summary>
    public IReadOnlyList<DemoSurvey> Surveys()
    {
        var surveys = new List<DemoSurvey>();
        if (_shape.NpsResponses > 0)
            surveys.Add(new(Nps, new CreateSurveyRequest("Relationship NPS", SurveyKind.Nps,
                "How likely are you to recommend us to a friend or colleague?", Channel.Email, "relationship")));
        if (_shape.Interactions > 0 && _shape.SupportCsatShare > 0)
            surveys.Add(new(SupportCsat, new CreateSurveyRequest("Support CSAT", SurveyKind.Csat,
                "How satisfied are you with the help you received?", null, "support")));
        if (_shape.CheckoutCsatResponses > 0)
            surveys.Add(new(CheckoutCsat, new CreateSurveyRequest("Checkout CSAT", SurveyKind.Csat,
                "How satisfied are you with your checkout today?", Channel.Web, "checkout")));
        if (_shape.Interactions > 0 && _shape.CesShare > 0)
            surveys.Add(new(Ces, new CreateSurveyRequest("Support effort (CES)", SurveyKind.Ces,
                "How easy was it to get your issue resolved?", null, "support")));
        if (_shape.SusResponses > 0)
            surveys.Add(new(Sus, new CreateSurveyRequest("Mobile app usability (SUS)", SurveyKind.Sus, null, Channel.Mobile, "mobile-app")));
        if (_shape.RatingResponses > 0)
            surveys.Add(new(Rating, new CreateSurveyRequest("Help article rating", SurveyKind.Rating, "Was this article helpful?", Channel.Web, "help-center")));
        return surveys;
    }

    /// <summary>Deploys, rollbacks, config and flag changes of the catalogue's services, then the planted release and rollback.</summary>
    public IReadOnlyList<CreateDeploymentRequest> Deployments()
    {
        if (_deployments is not null) return _deployments;
        var random = Draws(1);
        var deployments = new List<CreateDeploymentRequest>(_shape.Deployments + 2);
        for (var n = 0; n < _shape.Deployments; n++)
        {
            DemoService service;
            DateTimeOffset finished;
            do
            {
                service = DemoCatalogue.Pick(random);
                finished = Second(_shape.Seasonal ? _timeline.WorkingHours(random) : _timeline.Uniform(random));
            } while (Scenario?.Blurs(service.Key, finished) == true);
            deployments.Add(new CreateDeploymentRequest(service.Key, finished, $"demo-deploy-{n}",
                $"{finished:yyyy.M.d}.{n}", random.Next(10) == 0 ? "staging" : "production",
                random.Weighted((DeploymentKind.Deploy, 85), (DeploymentKind.Rollback, 5), (DeploymentKind.Config, 5), (DeploymentKind.Flag, 5)),
                finished.AddMinutes(-random.Next(2, 21)),
                random.Weighted((DeploymentResult.Success, 93), (DeploymentResult.Failed, 4), (DeploymentResult.RolledBack, 3))));
        }
        if (Scenario is { } s)
        {
            deployments.Add(new CreateDeploymentRequest(DemoScenario.RegressionService, s.ReleaseFinished, DemoScenario.ReleaseExternalId, "5.2.0",
                "production", DeploymentKind.Deploy, s.ReleaseFinished.AddMinutes(-14), DeploymentResult.Success, "new sign-in screen"));
            deployments.Add(new CreateDeploymentRequest(DemoScenario.RegressionService, s.RollbackFinished, DemoScenario.RollbackExternalId, "5.1.4",
                "production", DeploymentKind.Rollback, s.RollbackFinished.AddMinutes(-9), DeploymentResult.Success));
        }
        return _deployments = deployments;
    }

    /// <summary>
    /// Incidents on the catalogue's services: mostly on one service (a tenth on two), lasting 5 min to 8 h (log-uniform),
    /// a sixth starting within an hour of a deployment that caused it, 2 % still open; then the planted ones.
    /// </summary>
    public IReadOnlyList<DemoIncident> Incidents()
    {
        if (_incidents is not null) return _incidents;
        var random = Draws(2);
        var deployments = Deployments();
        var background = _shape.Deployments;
        var incidents = new List<DemoIncident>(_shape.Incidents + 3);
        for (var n = 0; n < _shape.Incidents; n++)
        {
            int? cause;
            DateTimeOffset started;
            string service;
            bool open;
            do
            {
                open = random.Next(50) == 0;
                cause = background > 0 && random.Next(6) == 0 ? random.Next(background) : null;
                started = Second(cause is { } c ? deployments[c].FinishedAt!.Value.AddMinutes(random.Next(1, 60))
                    : open ? End.AddSeconds(-random.NextInt64(7 * 86_400))
                    : _timeline.Uniform(random));
                service = cause is { } d ? deployments[d].Service! : DemoCatalogue.Pick(random).Key;
            } while (started >= End || Scenario?.Blurs(service, started) == true);

            var minutes = Math.Exp(Math.Log(5) + random.NextDouble() * Math.Log(8 * 60 / 5.0));
            var detected = started.AddMinutes(random.NextDouble() * Math.Min(10, minutes / 4));
            var acknowledged = detected.AddMinutes(random.NextDouble() * Math.Min(30, minutes / 4));
            var resolved = started.AddMinutes(minutes);
            var mitigated = acknowledged + (resolved - acknowledged) * (0.5 + random.NextDouble() / 2);
            var services = new List<string> { service };
            if (random.Next(10) == 0 && DemoCatalogue.Pick(random).Key is var second && second != service && Scenario?.Blurs(second, started) != true)
                services.Add(second);
            var impact = random.Weighted((IncidentImpact.Maintenance, 10), (IncidentImpact.Degraded, 50), (IncidentImpact.Partial, 30), (IncidentImpact.Outage, 10));
            var customers = new List<string>();
            if (random.Next(10) < 3)
                for (int first = random.Next(_shape.Customers), listed = random.Next(1, 6); listed > 0; listed--)
                    customers.Add(Customer((first + listed) % _shape.Customers));
            var ended = !open && resolved <= End;
            incidents.Add(new DemoIncident(cause, new CreateIncidentRequest(
                Title(impact, service, random), services,
                random.Weighted((IncidentSeverity.Sev1, 5), (IncidentSeverity.Sev2, 15), (IncidentSeverity.Sev3, 40), (IncidentSeverity.Sev4, 40)),
                impact, started, $"demo-incident-{n}",
                Past(Second(detected)), Past(Second(acknowledged)), ended ? Past(Second(mitigated)) : null, ended ? Second(resolved) : null,
                customers, null, "demo")));
        }
        if (Scenario is { } s)
        {
            incidents.Add(new DemoIncident(null, new CreateIncidentRequest(
                "Checkout down: payment provider timeouts", [.. DemoScenario.OutageServices], IncidentSeverity.Sev1, IncidentImpact.Outage,
                s.OutageStart, DemoScenario.OutageExternalId, s.OutageStart.AddMinutes(3), s.OutageStart.AddMinutes(9),
                s.OutageStart.AddMinutes(125), s.OutageResolved, [Customer(1), Customer(2), Customer(3)], null, "demo")));
            var releaseIndex = deployments.Count - 2;
            var loginStart = s.ReleaseFinished.AddMinutes(45);
            incidents.Add(new DemoIncident(releaseIndex, new CreateIncidentRequest(
                "Mobile app: sign-in fails on some Android phones after 5.2.0", [DemoScenario.RegressionService], IncidentSeverity.Sev2,
                IncidentImpact.Degraded, loginStart, DemoScenario.LoginIncidentExternalId, loginStart.AddMinutes(20), loginStart.AddMinutes(50),
                s.RollbackFinished, s.RollbackFinished.AddMinutes(25), [], null, "demo")));
            var ongoing = Second(s.OngoingStart);
            incidents.Add(new DemoIncident(null, new CreateIncidentRequest(
                "Product search slow in APAC", [DemoScenario.DegradedService], IncidentSeverity.Sev3, IncidentImpact.Degraded,
                ongoing, DemoScenario.OngoingExternalId, ongoing.AddMinutes(4), ongoing.AddMinutes(7), null, null, [], null, "demo")));
        }
        return _incidents = incidents;
    }

    /// <summary>
    /// Tickets, chats, calls and messages, spread as customers are active, with log-normal waits per channel; then the
    /// surges: several times the usual contacts on a service during the planted events and the random incidents.
    /// </summary>
    public IReadOnlyList<CreateInteractionRequest> Interactions()
    {
        if (_interactions is not null) return _interactions;
        var random = Draws(3);
        _interactions = new List<CreateInteractionRequest>(_shape.Interactions * 11 / 10);
        _experience = new List<double>(_interactions.Capacity);
        foreach (var at in _timeline.Spread(_shape.Interactions, random))
            AddInteraction(Second(at), DemoCatalogue.Pick(random), null, random);
        foreach (var (from, to, services, extra, atLeast, tag) in Surges())
        {
            var share = services.Sum(s => DemoCatalogue.Of(s).PerMille) / 1000.0;
            var count = Math.Max(atLeast, random.Poisson(extra * _shape.Interactions * share * _timeline.Share(from, to)));
            for (var i = 0; i < count; i++)
            {
                var at = Second(_timeline.Within(from, to, random));
                if (at < to && at < End) AddInteraction(at, DemoCatalogue.Of(random.Pick(services)), tag, random);
            }
        }
        return _interactions;
    }

    /// <summary>
    /// Survey responses: NPS and checkout CSAT spread as customers are active, support CSAT and CES after the
    /// interactions they follow (they name it), SUS on the app, ratings of help articles. NPS responses come first and in time order.
    /// </summary>
    public IEnumerable<DemoResponse> Responses()
    {
        var random = Draws(4);
        var n = 0;
        foreach (var at in _timeline.Spread(_shape.NpsResponses, random))
        {
            var service = DemoCatalogue.Pick(random);
            var customer = PickCustomer(random);
            var time = Second(at);
            var z = Satisfaction(customer, service, time, random, weight: 0.7);
            var channel = random.Weighted((Channel.Email, 60), (Channel.Web, 25), (Channel.Mobile, 15));
            var score = NpsScore(z);
            yield return new DemoResponse(Nps, null, new CreateResponseRequest(null, score, null, Comment(score >= 9, score <= 6, random),
                Customer(customer), null, channel, Product(service, channel), _region[customer], service.Key, Tags(random), time, $"demo-nps-{n++}"));
        }

        foreach (var at in _timeline.Spread(_shape.CheckoutCsatResponses, random))
            yield return CheckoutResponse(Second(at), random, n++);
        if (Scenario is { } s && _shape.CheckoutCsatResponses > 0)
        {
            // During the outage, customers whose payment failed answer the post-checkout survey too.
            var during = Math.Max(25, random.Poisson(2.0 * _shape.CheckoutCsatResponses * _timeline.Share(s.OutageStart, s.OutageResolved)));
            for (var i = 0; i < during; i++)
                yield return CheckoutResponse(Second(_timeline.Within(s.OutageStart, s.OutageResolved, random)), random, n++, DemoCatalogue.Checkout);
        }

        var interactions = Interactions();
        for (var i = 0; i < interactions.Count; i++)
        {
            var contact = interactions[i];
            if (contact.ResolvedAt is not { } resolved) continue;
            var service = DemoCatalogue.Of(contact.Service!);
            var customer = int.Parse(contact.CustomerId!.AsSpan("cust-".Length), System.Globalization.CultureInfo.InvariantCulture);
            var channel = contact.Channel is Channel.Web ? Channel.Email : contact.Channel;
            if (random.Chance(_shape.SupportCsatShare) && Second(resolved.AddSeconds(random.LogNormal(2_400, 1.2))) is var csatAt && csatAt < End)
            {
                var score = Scale(Satisfaction(customer, service, contact.OpenedAt!.Value, random) + _experience![i], [-1.6, -0.9, -0.1, 1.2]);
                yield return new DemoResponse(SupportCsat, i, new CreateResponseRequest(null, score, null, Comment(score == 5, score <= 2, random),
                    contact.CustomerId, null, channel, contact.Product, contact.Region, contact.Service, contact.Tags, csatAt, $"demo-csat-{n++}"));
            }
            if (random.Chance(_shape.CesShare) && Second(resolved.AddSeconds(random.LogNormal(3_600, 1.2))) is var cesAt && cesAt < End)
            {
                var effort = _experience![i] - 0.4 * (contact.ContactCount!.Value - 1);
                var score = Scale(Satisfaction(customer, service, contact.OpenedAt!.Value, random) + effort, [-1.7, -1.1, -0.5, 0.1, 0.8, 1.6]);
                yield return new DemoResponse(Ces, i, new CreateResponseRequest(null, score, null, null,
                    contact.CustomerId, null, channel, contact.Product, contact.Region, contact.Service, contact.Tags, cesAt, $"demo-ces-{n++}"));
            }
        }

        var app = DemoCatalogue.Of(DemoCatalogue.MobileApp);
        foreach (var at in _timeline.Spread(_shape.SusResponses, random))
        {
            var customer = PickCustomer(random);
            var time = Second(at);
            var usability = Satisfaction(customer, app, time, random) + 0.3;
            // Odd items are positive statements (agree = good), even ones negative.
            var answers = Enumerable.Range(0, 10).Select(item =>
                Math.Clamp((int)Math.Round(3 + (item % 2 == 0 ? 1 : -1) * 0.9 * usability + 0.7 * random.Normal()), 1, 5)).ToList();
            yield return new DemoResponse(Sus, null, new CreateResponseRequest(null, null, answers, null,
                Customer(customer), null, Channel.Mobile, "app", _region[customer], app.Key, null, time, $"demo-sus-{n++}"));
        }

        var help = DemoCatalogue.Of("help-center");
        foreach (var at in _timeline.Spread(_shape.RatingResponses, random))
        {
            var customer = PickCustomer(random);
            var time = Second(at);
            var score = Scale(Satisfaction(customer, help, time, random), [-1.6, -0.9, -0.1, 1.2]);
            yield return new DemoResponse(Rating, null, new CreateResponseRequest(null, score, null, null,
                Customer(customer), null, Channel.Web, "shop", _region[customer], help.Key, null, time, $"demo-rating-{n++}"));
        }
    }

    /// <summary>The 932 real Olist reviews (see Data/SOURCES.md), in their order, moved into the period; on the shop's services.</summary>
    public IReadOnlyList<CreateReviewRequest> Reviews()
    {
        if (!_shape.OlistReviews) return [];
        var random = Draws(5);
        var reviews = OlistReviews.Load().OrderBy(r => r.AnsweredAt).ToList();
        var (first, last) = (reviews[0].AnsweredAt, reviews[^1].AnsweredAt);
        var span = End.AddHours(-1) - Start;
        return [.. reviews.Select(r => new CreateReviewRequest("olist", r.Score,
            Second(Start + span * ((r.AnsweredAt - first) / (last - first))), $"olist-{r.ReviewId}", r.Title, r.Message, null, "marketplace", "amer",
            random.Weighted((DemoCatalogue.Checkout, 6), (DemoCatalogue.MobileApp, 3), ("help-center", 1)), "pt"))];
    }

    private IEnumerable<(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<string> Services, double Extra, int AtLeast, string Tag)> Surges()
    {
        if (Scenario is null) yield break;
        foreach (var surge in Scenario.Surges(End)) yield return surge;
        foreach (var incident in Incidents().Take(_shape.Incidents).Select(i => i.Request))
            if (incident.Impact is not IncidentImpact.Maintenance)
                yield return (incident.StartedAt!.Value, incident.ResolvedAt ?? End, incident.Services!, 1.0, 0, "slow");
    }

    private void AddInteraction(DateTimeOffset opened, DemoService service, string? surgeTag, Random random)
    {
        var channel = service.Key == DemoCatalogue.MobileApp
            ? random.Weighted((Channel.Mobile, 40), (Channel.Chat, 30), (Channel.Email, 15), (Channel.Phone, 10), (Channel.Social, 5))
            : random.Weighted((Channel.Chat, 35), (Channel.Email, 25), (Channel.Phone, 20), (Channel.Web, 10), (Channel.Social, 5), (Channel.Mobile, 5));
        var type = surgeTag is not null ? "problem"
            : random.Weighted(("question", 40), ("problem", 25), ("billing", 15), ("delivery", 15), ("account", 5));
        var (firstMedian, handlingMedian, sigma) = Timing[channel];
        var slowdown = Scenario?.Slowdown(service.Key, opened) ?? 1;
        var escalated = random.Chance(type == "problem" ? 0.2 : 0.06);
        var firstResponse = random.LogNormal(firstMedian * slowdown, 0.9);
        var handling = random.LogNormal(handlingMedian * (type == "problem" ? 1.8 : 1) * (escalated ? 2.5 : 1), sigma);
        var abandoned = channel is Channel.Phone or Channel.Chat && random.Chance(0.03 * slowdown);
        var contacts = escalated ? 2 + random.Poisson(0.5) : random.Chance(0.2) ? 2 + random.Poisson(0.3) : 1;
        var customer = PickCustomer(random);

        var firstAt = abandoned ? (DateTimeOffset?)null : Second(opened.AddSeconds(firstResponse));
        var resolvedAt = abandoned ? (DateTimeOffset?)null : Second(opened.AddSeconds(firstResponse + handling));
        if (firstAt >= End) firstAt = null;
        var status = abandoned ? InteractionStatus.Abandoned : resolvedAt < End ? InteractionStatus.Resolved : InteractionStatus.Open;
        if (status != InteractionStatus.Resolved) resolvedAt = null;
        var wait = Math.Log((firstResponse + handling) / (firstMedian + handlingMedian));
        _experience!.Add(Math.Clamp(-0.35 * wait - (escalated ? 0.6 : 0) - 0.35 * (contacts - 1) - (abandoned ? 1 : 0), -2.5, 1));

        var n = _interactions!.Count;
        _interactions.Add(new CreateInteractionRequest(channel, type, opened, status, $"demo-int-{n}", Customer(customer), firstAt, resolvedAt,
            contacts, escalated, Product(service, channel), _region[customer], service.Key,
            type == "billing" ? "billing" : escalated ? "tech-support" : "support", [surgeTag ?? random.Pick(TagsOfType[type])]));
    }

    private DemoResponse CheckoutResponse(DateTimeOffset at, Random random, int n, string? serviceKey = null)
    {
        var service = DemoCatalogue.Of(serviceKey ?? (random.Chance(0.7) ? DemoCatalogue.Checkout : DemoCatalogue.MobileApp));
        var customer = PickCustomer(random);
        var channel = service.Key == DemoCatalogue.MobileApp ? Channel.Mobile : Channel.Web;
        var score = Scale(Satisfaction(customer, service, at, random), [-1.6, -0.9, -0.1, 1.2]);
        return new DemoResponse(CheckoutCsat, null, new CreateResponseRequest(null, score, null, Comment(score == 5, score <= 2, random),
            Customer(customer), null, channel, Product(service, channel), _region[customer], service.Key, null, at, $"demo-checkout-{n}"));
    }

    /// <summary>A customer's latent satisfaction with <paramref name="service"/> at <paramref name="at"/> (about N(0.9, 1.25) on a normal day).</summary>
    private double Satisfaction(int customer, DemoService service, DateTimeOffset at, Random random, double weight = 1) =>
        0.9 + 0.7 * _mood[customer] + service.Quality + weight * (Scenario?.Effect(service.Key, at) ?? 0) + 0.8 * random.Normal();

    /// <summary>0–10, from the latent satisfaction: about 45 % promoters and 22 % detractors on a normal day.</summary>
    private static int NpsScore(double z) => Scale(z, [-2.5, -2.1, -1.7, -1.3, -0.9, -0.5, 0.0, 0.55, 1.05, 1.9]) - 1;

    /// <summary>1 + how many of the ascending <paramref name="thresholds"/> <paramref name="z"/> exceeds.</summary>
    private static int Scale(double z, double[] thresholds) => 1 + thresholds.Count(t => z > t);

    private static string? Comment(bool happy, bool unhappy, Random random) =>
        !random.Chance(0.25) ? null : happy ? random.Pick(Praise) : unhappy ? random.Pick(Complaints) : null;

    private static List<string>? Tags(Random random) => random.Next(4) == 0 ? ["loyalty-member"] : null;

    private static string Product(DemoService service, Channel? channel) =>
        service.Key == DemoCatalogue.MobileApp || channel == Channel.Mobile ? "app" : service.Key == "partner-portal" ? "partners" : "shop";

    /// <summary>Some customers are far more active than others.</summary>
    private int PickCustomer(Random random) => (int)(_shape.Customers * Math.Pow(random.NextDouble(), 1.6));

    private static string Customer(int index) => $"cust-{index:00000}";

    private static string Title(IncidentImpact impact, string service, Random random) => impact switch
    {
        IncidentImpact.Maintenance => $"Planned maintenance of {service}",
        IncidentImpact.Outage => $"{service} unavailable",
        IncidentImpact.Partial => $"{service} failing for some customers in {random.Pick(Regions)}",
        _ => random.Next(2) == 0 ? $"{service} slow" : $"Elevated error rate on {service}",
    };

    private DateTimeOffset? Past(DateTimeOffset at) => at < End ? at : null;

    /// <summary>Whole seconds, as the records of most tools carry them.</summary>
    private static DateTimeOffset Second(DateTimeOffset at) => DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds());

    private Random Draws(int part) => new(unchecked((_shape.Seed * 7_919) + (part * 104_729)));
}
