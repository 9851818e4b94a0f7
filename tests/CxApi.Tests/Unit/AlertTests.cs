using CxApi.Common.Validation;
using CxApi.Features.Alerts;
using CxApi.Features.Metrics;
using CxApi.Features.Webhooks;
using CxApi.Features.Metrics.Calculators;
using Microsoft.Extensions.Time.Testing;

namespace CxApi.Tests.Unit;

public sealed class AlertConditionTests
{
    private static AlertReading Reading(double? value, long n, double? previous = null, long previousN = 0, bool significant = false) =>
        new(value, n, null, previous, previousN, new ChangeTest(null, null, significant, "test"));

    [Theory]
    [InlineData(49.9, 50, true)]
    [InlineData(50.0, 50, false)]   // below is strict
    [InlineData(80.0, 50, false)]
    public void BelowHoldsForValuesUnderTheThreshold(double value, double below, bool holds) =>
        Assert.Equal(holds, AlertConditions.Holds(new AlertCondition(Below: below), 10, Reading(value, 10)));

    [Theory]
    [InlineData(4.2, 4.0, true)]
    [InlineData(4.0, 4.0, false)]
    public void AboveHoldsForValuesOverTheThreshold(double value, double above, bool holds) =>
        Assert.Equal(holds, AlertConditions.Holds(new AlertCondition(Above: above), 10, Reading(value, 10)));

    [Fact]
    public void TooFewObservationsOrNoValueDecideNothingSoTheRuleKeepsItsState()
    {
        Assert.Null(AlertConditions.Holds(new AlertCondition(Below: 50), 30, Reading(10, 29)));
        Assert.Null(AlertConditions.Holds(new AlertCondition(Below: 50), 1, Reading(null, 0)));
        // dropBy needs enough observations in the previous window too
        Assert.Null(AlertConditions.Holds(new AlertCondition(DropBy: 5, VsPreviousWindow: true), 30, Reading(40, 100, 80, 29)));
    }

    [Theory]
    [InlineData(60, 80, 20, false, true)]   // a drop of exactly dropBy points holds
    [InlineData(61, 80, 20, false, false)]
    [InlineData(60, 80, 20, true, false)]   // significantOnly and the test says chance
    [InlineData(90, 80, 5, false, false)]   // a rise is not a drop
    public void DropByComparesWithThePreviousWindow(double value, double previous, double dropBy, bool significantOnly, bool holds) =>
        Assert.Equal(holds, AlertConditions.Holds(new AlertCondition(DropBy: dropBy, VsPreviousWindow: true, SignificantOnly: significantOnly),
            10, Reading(value, 100, previous, 100, significant: false)));

    [Theory]
    // CSAT 80 % → 60 %: with 100 answers per window the two-proportion test calls it significant (z ≈ 3.09) …
    [InlineData(100, true)]
    // … with 10 per window the same 20-point drop is within chance (z ≈ 0.98).
    [InlineData(10, false)]
    public void CsatDropBySignificantOnlyUsesTheTwoProportionTestOfTheSummary(int perWindow, bool holds)
    {
        var previous = Distribution.Of((5, perWindow * 8 / 10), (2, perWindow * 2 / 10));
        var current = Distribution.Of((5, perWindow * 6 / 10), (2, perWindow * 4 / 10));
        var reading = AlertMetrics.For(AlertMetricName.Csat).Read("value", current, previous);

        Assert.Equal(60, reading.Value!.Value, 9);
        Assert.Equal(80, reading.PreviousValue!.Value, 9);
        Assert.Equal(Significance.Proportions(6 * perWindow / 10, perWindow, 8 * perWindow / 10, perWindow), reading.Change);
        var significantDrop = new AlertCondition(DropBy: 15, VsPreviousWindow: true, SignificantOnly: true);
        Assert.Equal(holds, AlertConditions.Holds(significantDrop, 10, reading));
        Assert.True(AlertConditions.Holds(significantDrop with { SignificantOnly = false }, 10, reading));
    }

    [Fact]
    public void NpsDropUsesTheTrinomialWaldTest()
    {
        var previous = Distribution.Of((10, 60), (8, 25), (3, 15));   // NPS 45
        var current = Distribution.Of((10, 40), (8, 25), (3, 35));    // NPS 5
        var reading = AlertMetrics.For(AlertMetricName.Nps).Read("value", current, previous);

        Assert.Equal(5, reading.Value!.Value, 9);
        Assert.Equal(45, reading.PreviousValue!.Value, 9);
        Assert.Equal(Significance.Nps(NpsCalculator.Compute(current), NpsCalculator.Compute(previous)), reading.Change);
        Assert.True(reading.Change!.Significant);
        Assert.True(AlertConditions.Holds(new AlertCondition(DropBy: 30, VsPreviousWindow: true, SignificantOnly: true), 30, reading));
        Assert.Equal(NpsCalculator.Compute(current).Ci95, reading.Ci95);
    }

    [Fact]
    public void AnyFigureOfAMetricBodyCanBeWatched()
    {
        var reviews = AlertMetrics.For(AlertMetricName.Reviews);
        var ratings = Distribution.Of((5, 3), (1, 1));
        Assert.Equal(ReviewCalculator.Compute(ratings).BayesianAverage, reviews.Read("bayesianAverage", ratings, new Distribution()).Value);

        var tickets = new InteractionCounts
        {
            Count = 3, WithFirstResponse = 3, FirstResponseWithinSla = 2, FirstResponseSeconds = 5400,
            FirstResponseBins = [(LogHistogram.BinOf(600), 1), (LogHistogram.BinOf(1200), 1), (LogHistogram.BinOf(3600), 1)],
        };
        var interactions = AlertMetrics.For(AlertMetricName.Interactions);
        var stats = InteractionCalculator.Compute(tickets);
        Assert.Equal(stats.FirstResponse.P90, interactions.Read("firstResponse.p90", tickets, new InteractionCounts()).Value);
        Assert.Equal(stats.SlaAttainment, interactions.Read("slaAttainment", tickets, new InteractionCounts()).Value);
        Assert.Contains("firstResponse.p90", interactions.Fields);
        Assert.DoesNotContain("firstResponse.p90", interactions.TestedFields);
    }
}

public sealed class AlertRuleValidatorTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private static readonly CreateAlertRuleValidator Validator = Create();

    // Rules take their property names when they are built, so the JSON names must be set first.
    private static CreateAlertRuleValidator Create()
    {
        ValidationSetup.UseJsonNames();
        return new(new SurveyMetricQueryValidator(Clock), new ReviewMetricQueryValidator(Clock), new InteractionMetricQueryValidator(Clock));
    }

    private static CreateAlertRuleRequest Rule(
        AlertMetricName metric = AlertMetricName.Csat, string window = "P7D", AlertCondition? condition = null, string? field = null,
        Dictionary<string, string[]>? filters = null) =>
        new("CSAT watch", metric, window, condition ?? new AlertCondition(Below: 70), field, filters);

    private static string[] Errors(CreateAlertRuleRequest request) =>
        [.. Validator.Validate(request).Errors.Select(e => e.PropertyName).Distinct().Order()];

    [Fact]
    public void AValidRulePasses() =>
        Assert.Empty(Errors(Rule(filters: new() { ["channel"] = ["email"], ["surveyId"] = ["s-1"] })));

    [Theory]
    [InlineData("P7D")]
    [InlineData("PT6H")]
    [InlineData("P2W")]
    [InlineData("P1DT12H")]
    [InlineData("PT90S")]
    public void IsoDurationsOfFixedLengthAreAccepted(string window) => Assert.Empty(Errors(Rule(window: window)));

    [Theory]
    [InlineData("7 days")]
    [InlineData("P1M")]      // a month has no fixed length
    [InlineData("P1Y")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("PT30S")]    // shorter than a minute
    [InlineData("P400D")]
    public void OtherWindowsAreRejected(string window) => Assert.Equal(["window"], Errors(Rule(window: window)));

    [Theory]
    [InlineData(AlertMetricName.Csat, "bayesianAverage")]
    [InlineData(AlertMetricName.Nps, "p90")]
    public void AFieldTheMetricDoesNotHaveIsRejected(AlertMetricName metric, string field) =>
        Assert.Equal(["field"], Errors(Rule(metric, field: field)));

    [Fact]
    public void FiltersMustBeTheMetricsOwnAndValid()
    {
        Assert.Equal(["filters.team"], Errors(Rule(filters: new() { ["team"] = ["tier1"] })));
        Assert.Equal(["filters.channel[0]"], Errors(Rule(filters: new() { ["channel"] = ["pigeon"] })));
        Assert.Empty(Errors(Rule(AlertMetricName.Interactions, field: "firstResponse.p90", filters: new() { ["team"] = ["tier1"] })));
    }

    [Fact]
    public void TheConditionIsExactlyOneOfBelowAboveOrDropBy()
    {
        Assert.Equal(["condition"], Errors(Rule(condition: new AlertCondition(Below: 50, Above: 90))));
        Assert.Equal(["condition"], Errors(Rule(condition: new AlertCondition())));
        Assert.Equal(["condition.dropBy"], Errors(Rule(condition: new AlertCondition(DropBy: -5))));
        Assert.Equal(["condition.vsPreviousWindow"], Errors(Rule(condition: new AlertCondition(DropBy: 5, VsPreviousWindow: false))));
        Assert.Equal(["condition.significantOnly"], Errors(Rule(condition: new AlertCondition(Below: 5, SignificantOnly: true))));
    }

    [Fact]
    public void SignificantOnlyNeedsAFigureWithAChangeTest()
    {
        var significantDrop = new AlertCondition(DropBy: 10, VsPreviousWindow: true, SignificantOnly: true);
        Assert.Empty(Errors(Rule(condition: significantDrop)));
        Assert.Equal(["condition.significantOnly"],
            Errors(Rule(AlertMetricName.Interactions, field: "firstResponse.p90", condition: significantDrop)));
    }
}

public sealed class WebhookSigningTests
{
    [Fact]
    public void SignsTheStandardWebhooksTestVector() =>
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            WebhookSignature.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}"""));

    [Fact]
    public void NewSecretsCarryAFreshThirtyTwoByteKey()
    {
        var (a, b) = (WebhookSignature.NewSecret(), WebhookSignature.NewSecret());
        Assert.StartsWith("whsec_", a);
        Assert.Equal(32, Convert.FromBase64String(a["whsec_".Length..]).Length);
        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData(1, 0.0, 5)]       // half the step is fixed …
    [InlineData(1, 1.0, 10)]      // … half is jitter
    [InlineData(3, 0.5, 30)]      // the step doubles: 40 s, 30 s with half the jitter
    [InlineData(20, 1.0, 3600)]   // and stops at the maximum
    public void BackoffDoublesWithJitterUpToTheMaximum(int failedAttempts, double random, double seconds) =>
        Assert.Equal(seconds, WebhookBackoff.Delay(failedAttempts, TimeSpan.FromSeconds(10), TimeSpan.FromHours(1), random).TotalSeconds, 6);

    [Theory]
    [InlineData("https://hooks.example.com/cx", true)]
    [InlineData("http://127.0.0.1:5000/hook?x=1", true)]
    [InlineData("https://user:pass@hooks.example.com/cx", false)]
    [InlineData("ftp://hooks.example.com/cx", false)]
    [InlineData("/relative/path", false)]
    [InlineData("https://hooks.example.com/cx#part", false)]
    public void WebhookUrlsAreHttpOrHttpsWithoutCredentials(string url, bool valid) =>
        Assert.Equal(valid, CreateWebhookValidator.BeDeliverable(url));
}
