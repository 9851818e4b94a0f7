using CxApi.Common;
using CxApi.Common.Validation;
using CxApi.Features.Alerts;
using CxApi.Features.Metrics;
using CxApi.Features.Metrics.Calculators;
using Microsoft.Extensions.Time.Testing;

namespace CxApi.Tests.Unit;

public sealed class PeriodBoundTests
{
    private static readonly SummaryQueryValidator Validator = Create();

    private static SummaryQueryValidator Create()
    {
        ValidationSetup.UseJsonNames();
        return new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero)));
    }

    private static string[] Errors(string? from, string? to) =>
        [.. Validator.Validate(new SummaryQuery(from, to, null, null, null, null, null, null, null)).Errors.Select(e => e.PropertyName).Distinct().Order()];

    [Theory]
    [InlineData("1900-01-01T00:00:00Z")]
    [InlineData("1899-12-31T23:00:00-01:00")]    // the same instant
    [InlineData("2026-11-01T00:00:00+14:00")]
    public void APeriodMayStartOnOrAfter1900(string from) => Assert.Empty(Errors(from, "2200-01-01T00:00:00Z"));

    [Theory]
    [InlineData("1899-12-31T23:59:59.9999999Z")]
    [InlineData("1900-01-01T00:30:00+01:00")]
    [InlineData("1000-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    public void APeriodStartingBefore1900IsRefused(string from) => Assert.Equal(["from"], Errors(from, null));

    [Theory]
    [InlineData("2200-01-01T00:00:00.0000001Z")]
    [InlineData("2199-12-31T23:30:00-01:00")]
    [InlineData("9999-12-31T23:59:59.9999999Z")]
    public void APeriodEndingAfter2200IsRefused(string to) => Assert.Equal(["to"], Errors("2026-01-01T00:00:00Z", to));

    [Theory]
    [InlineData("P99999999999D")]
    [InlineData("PT99999999999999999999S")]
    [InlineData("P9999W99999DT999999H9999999M999999999S")]
    [InlineData("P367D")]
    public void AnAbsurdAlertWindowIsNoDurationOrLongerThanTheLongestWindow(string window) =>
        Assert.True(!IsoDuration.TryParse(window, out var length) || length > CreateAlertRuleValidator.MaxWindow);

    /// <summary>Every zone, in every interval, at both ends of the periods the API accepts: buckets without gaps that cover the period.</summary>
    [Fact]
    public void EveryZoneBucketsBothBoundsInEveryInterval()
    {
        var failures = new List<string>();
        foreach (var zone in TimeZoneInfo.GetSystemTimeZones())
            foreach (var interval in Enum.GetValues<TrendInterval>())
            {
                var span = interval switch { TrendInterval.Day => TimeSpan.FromDays(40), TrendInterval.Week => TimeSpan.FromDays(200), _ => TimeSpan.FromDays(800) };
                foreach (var (from, to) in new[] { (Limits.EarliestPeriodTime, Limits.EarliestPeriodTime + span), (Limits.LatestPeriodTime - span, Limits.LatestPeriodTime) })
                {
                    var buckets = TimeBuckets.Cover(from, to, interval, zone);
                    var covers = buckets is { Count: > 0 } && buckets[0].Start <= from && buckets[^1].End >= to
                                 && buckets.Zip(buckets.Skip(1)).All(pair => pair.First.End == pair.Second.Start);
                    if (!covers) failures.Add($"{zone.Id} {interval} [{from:O}, {to:O})");
                }
            }
        Assert.True(TimeZoneInfo.GetSystemTimeZones().Count > 100, "the machine has hardly any time zones");
        Assert.Empty(failures);
    }
}
