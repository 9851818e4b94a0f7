using CxApi.Common;
using CxApi.Common.Json;
using CxApi.Features.Demo;
using System.Text.Json;

namespace CxApi.Tests.Integration.Demo;

/// <summary>The demo generator on its own: the same seed gives the same records, waits are spread as real ones are, and every time lies in its period.</summary>
public sealed class DemoGeneratorTests
{
    private static readonly DateTimeOffset End = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    private static DemoGenerator Generator(int seed) => new(DemoShape.ForDemo(2000, seed, End));

    private static string Json(DemoGenerator g) => JsonSerializer.Serialize(new
    {
        deployments = g.Deployments(),
        incidents = g.Incidents(),
        interactions = g.Interactions(),
        responses = g.Responses().ToList(),
        reviews = g.Reviews(),
    }, JsonSetup.Wire);

    [Fact]
    public void TheSameSeedGivesTheSameRecordsAndAnotherSeedOthers()
    {
        Assert.Equal(Json(Generator(7)), Json(Generator(7)));
        Assert.NotEqual(Json(Generator(7)), Json(Generator(8)));
    }

    [Fact]
    public void FirstResponsesAreLogNormalPerChannelFastOnChatAndSlowByEmail()
    {
        var interactions = new DemoGenerator(DemoShape.ForDemo(20_000, 1, End)).Interactions();
        double Median(Channel channel)
        {
            var waits = interactions.Where(i => i.Channel == channel && i.FirstResponseAt is not null)
                .Select(i => (i.FirstResponseAt!.Value - i.OpenedAt!.Value).TotalSeconds).Order().ToList();
            return waits[waits.Count / 2];
        }
        Assert.InRange(Median(Channel.Phone), 20, 90);
        Assert.InRange(Median(Channel.Chat), 40, 180);
        Assert.InRange(Median(Channel.Email), 2 * 3600, 8 * 3600);

        // Log-normal: the logarithms of the waits are symmetric, so their mean is close to the log of the median.
        var chat = interactions.Where(i => i.Channel == Channel.Chat && i.FirstResponseAt is not null)
            .Select(i => Math.Log(Math.Max(1, (i.FirstResponseAt!.Value - i.OpenedAt!.Value).TotalSeconds))).ToList();
        Assert.InRange(Math.Exp(chat.Average()) / Median(Channel.Chat), 0.8, 1.25);
    }

    [Fact]
    public void EveryTimeLiesInTheNinetyDaysBeforeTheEndAndInteractionsResolveAfterTheyOpen()
    {
        var g = Generator(3);
        var start = End.AddDays(-90).AddSeconds(-1);
        Assert.All(g.Interactions(), i =>
        {
            Assert.InRange(i.OpenedAt!.Value, start, End);
            Assert.True(i.ResolvedAt is null || (i.ResolvedAt >= i.FirstResponseAt && i.ResolvedAt <= End));
            Assert.Equal(i.ResolvedAt is not null, i.Status == InteractionStatus.Resolved);
        });
        Assert.All(g.Responses(), r => Assert.InRange(r.Request.RespondedAt!.Value, start, End));
        Assert.All(g.Reviews(), r => Assert.InRange(r.PublishedAt!.Value, start, End));
        Assert.All(g.Incidents(), i => Assert.True(i.Request.ResolvedAt is null || i.Request.ResolvedAt <= End));
    }

    [Fact]
    public void WeekdayDaytimesAreBusierThanNightsAndWeekends()
    {
        var opened = Generator(1).Interactions().Take(DemoShape.ForDemo(2000, 1, End).Interactions).Select(i => i.OpenedAt!.Value.UtcDateTime).ToList();
        var weekdayNoon = opened.Count(t => t.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && t.Hour is >= 10 and < 12);
        var weekdayNight = opened.Count(t => t.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && t.Hour is >= 2 and < 4);
        Assert.True(weekdayNoon > 5 * weekdayNight, $"{weekdayNoon} at 10–12, {weekdayNight} at 2–4");
    }
}
