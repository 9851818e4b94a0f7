using CxApi.Common.Validation;
using CxApi.Features.Alerts;
using CxApi.Features.Metrics;
using CxApi.Features.Operations;
using Microsoft.Extensions.Time.Testing;

namespace CxApi.Tests.Unit;

public sealed class AlertRuleValidatorTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private static readonly CreateAlertRuleValidator Validator = Create();

    // Rules take their property names when they are built, so the JSON names must be set first.
    private static CreateAlertRuleValidator Create()
    {
        ValidationSetup.UseJsonNames();
        return new(new SurveyMetricQueryValidator(Clock), new ReviewMetricQueryValidator(Clock), new InteractionMetricQueryValidator(Clock),
            new AvailabilityQueryValidator(Clock));
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
    [InlineData(AlertMetricName.Availability, "value")]
    [InlineData(AlertMetricName.Availability, "outageSeconds")]
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
    public void AnAvailabilityRuleWatchesEitherAvailabilityFigureOfAServiceAndNothingElse()
    {
        // No field: availabilityPct, the metric's own default.
        Assert.Empty(Errors(Rule(AlertMetricName.Availability, filters: new() { ["service"] = ["checkout-web"] })));
        Assert.Empty(Errors(Rule(AlertMetricName.Availability, field: "experienceWeightedAvailabilityPct")));
        Assert.Equal(["filters.channel"], Errors(Rule(AlertMetricName.Availability, filters: new() { ["channel"] = ["email"] })));
        Assert.Equal(["condition.significantOnly"], Errors(Rule(AlertMetricName.Availability,
            condition: new AlertCondition(DropBy: 1, VsPreviousWindow: true, SignificantOnly: true))));
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
