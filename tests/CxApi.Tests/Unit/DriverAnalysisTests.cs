using CxApi.Features.Metrics;
using CxApi.Features.Metrics.Calculators;

namespace CxApi.Tests.Unit;

public sealed class DriverAnalysisTests
{
    private static readonly MetricHeader Header = new("csat", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(30),
        new Dictionary<string, IReadOnlyList<string>>(), null, CsatCalculator.Definition);

    private static DriverReport Build(DriverFactor factor, params Distribution[] scores) =>
        DriverAnalysis.Build(Header, DriverMetric.All["csat"], factor,
            [.. factor.FixedBuckets!.Zip(scores)], scores.Sum(s => s.N), 0, null);

    [Fact]
    public void SpreadIsBestMinusWorstAmongBucketsOfThirtyOrMoreWithTheTwoProportionTest()
    {
        // 1 interaction: 40 of 50 satisfied (80 %); 2: 3 of 3 (100 %, too few); 3+: 15 of 30 (50 %).
        var report = Build(DriverFactors.ContactCount,
            Distribution.Of((5, 40), (2, 10)), Distribution.Of((5, 3)), Distribution.Of((4, 15), (1, 15)));

        Assert.Equal(("1", "3+"), (report.Overall.Best, report.Overall.Worst));
        Assert.Equal(30, report.Overall.Spread!.Value, 9);
        // pooled p = 55/80; z = 0.3 / √(p(1 − p)(1/50 + 1/30)) = 2.7809…
        var pooled = 55.0 / 80;
        var z = 0.3 / Math.Sqrt(pooled * (1 - pooled) * (1.0 / 50 + 1.0 / 30));
        Assert.Equal(z, report.Overall.Z!.Value, 9);
        Assert.True(report.Overall.Significant);
        Assert.Equal([50L, 3L, 30L], report.Buckets.Select(b => b.Responses));
        Assert.Equal([false, true, false], report.Buckets.Select(b => b.LowSample));
        Assert.Equal(100, report.Buckets[1].Value);
    }

    [Fact]
    public void FewerThanTwoLargeBucketsGiveNoSpread()
    {
        var report = Build(DriverFactors.Escalated, Distribution.Of((5, 30)), Distribution.Of((1, 29)));

        Assert.Null(report.Overall.Spread);
        Assert.Null(report.Overall.Best);
        Assert.False(report.Overall.Significant);
        Assert.NotNull(report.Overall.Note);
    }

    [Fact]
    public void EmptyBucketsAreListedWithANullValue()
    {
        var report = Build(DriverFactors.ResolutionTime, [.. Enumerable.Range(0, 7).Select(_ => new Distribution())]);

        Assert.Equal(["<5m", "5m-30m", "30m-1h", "1h-4h", "4h-24h", ">=24h", "unresolved"], report.Buckets.Select(b => b.Key));
        Assert.All(report.Buckets, b => Assert.Null(b.Value));
        Assert.All(report.Buckets, b => Assert.Equal(0, b.Responses));
        Assert.Equal("resolutionTime", report.Factor);
    }

    [Theory]
    [InlineData("firstResponseTime", true)]
    [InlineData("contactCount", true)]
    [InlineData("type", false)]
    [InlineData("service", false)]
    public void FactorsAreNamedInCamelCase(string name, bool numeric)
    {
        var factor = DriverFactors.Find(name);
        Assert.NotNull(factor);
        Assert.Equal(name, factor.Name);
        Assert.Equal(numeric, factor.IsNumeric);
        Assert.Null(DriverFactors.Find(name.ToUpperInvariant()));
    }

    [Fact]
    public void EverySingleValuedInteractionDimensionIsACategoricalFactorAndTagsAreNot()
    {
        var categorical = DriverFactors.All.Where(f => !f.IsNumeric).Select(f => f.Name).ToList();
        Assert.Equal(["channel", "product", "region", "service", "team", "type"], categorical);
        Assert.Null(DriverFactors.Find("tag"));
        Assert.Equal(new BucketName(null, "no team"), DriverFactors.Find("team")!.Category(null));
    }
}
