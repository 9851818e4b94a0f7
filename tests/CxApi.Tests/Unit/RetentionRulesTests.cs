using CxApi.Common;
using CxApi.Features.Retention;
using System.Globalization;

namespace CxApi.Tests.Unit;

public sealed class RetentionRulesTests
{
    [Theory]
    [InlineData("2026-12-03T13:45:00Z", "P10D", "2026-11-23T00:00:00Z")]
    [InlineData("2026-12-03T00:00:00Z", "P1D", "2026-12-02T00:00:00Z")]
    [InlineData("2026-12-03T23:59:59Z", "PT36H", "2026-12-02T00:00:00Z")]
    [InlineData("2026-12-03T10:00:00Z", "P2W", "2026-11-19T00:00:00Z")]
    public void TheHorizonIsTheStartOfTheUtcDayOfNowMinusTheLimit(string now, string limit, string horizon) =>
        Assert.Equal(UnixMicros.From(DateTimeOffset.Parse(horizon, CultureInfo.InvariantCulture)),
            RetentionPurge.HorizonOf(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture), IsoDuration.Parse(limit)));

    [Fact]
    public void NoLimitsAndWellFormedLimitsAreAccepted()
    {
        var validator = new RetentionOptionsValidator();
        Assert.True(validator.Validate(null, new RetentionOptions()).Succeeded);
        Assert.True(validator.Validate(null, new RetentionOptions { Responses = "P365D", Interactions = "P104W", Reviews = "", Incidents = "P1D" }).Succeeded);
        Assert.Null(new RetentionOptions { Reviews = "" }.LimitOf(RetainedKind.All.Single(k => k.Setting == "Reviews")));
    }

    [Theory]
    [InlineData("P1Y")]
    [InlineData("P6M")]
    [InlineData("30")]
    [InlineData("P0D")]
    [InlineData("-P1D")]
    [InlineData("PT23H")]
    public void ALimitThatIsNotADurationOfAtLeastADayIsRefusedByName(string limit)
    {
        var result = new RetentionOptionsValidator().Validate(null, new RetentionOptions { Interactions = limit });
        Assert.True(result.Failed);
        Assert.Contains($"Retention:Interactions is '{limit}'", result.FailureMessage);
    }

    [Fact]
    public void TheIntervalAndBatchSizeAreChecked()
    {
        var result = new RetentionOptionsValidator().Validate(null, new RetentionOptions { Interval = TimeSpan.Zero, BatchSize = 0 });
        Assert.Contains("Retention:Interval", result.FailureMessage);
        Assert.Contains("Retention:BatchSize", result.FailureMessage);
        // Longer than a timer takes, or than anyone means.
        Assert.True(new RetentionOptionsValidator().Validate(null, new RetentionOptions { Interval = TimeSpan.FromDays(60) }).Failed);
        Assert.True(new RetentionOptionsValidator().Validate(null, new RetentionOptions { Interval = TimeSpan.FromDays(7), BatchSize = 10_000 }).Succeeded);
    }
}
