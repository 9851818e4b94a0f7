using CxApi.Common;
using CxApi.Features.Metrics.Calculators;
using CxApi.Features.Operations;
using CxApi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CxApi.Tests.Integration;

/// <summary>
/// <c>ImpactMeasurement.CountAsync</c> counts many
/// overlapping windows with unaligned ends in one pass (the ends become bucket boundaries, read from the rollups but for
/// the hour around each end): each window must hold exactly the records that lie in it, on either provider.
/// </summary>
public sealed class WindowCountingTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ManyOverlappingWindowsEachCountExactlyTheirOwnRecords()
    {
        var client = factory.CreateClient();
        var (service, other) = ($"wc-{Guid.NewGuid():N}"[..12], $"wo-{Guid.NewGuid():N}"[..12]);
        var survey = await client.CreateSurveyAsync("csat");
        var rng = new Random(20261203);
        DateTimeOffset AnyTime(int days) => Start.AddSeconds(rng.Next(0, days * 86_400)).AddMilliseconds(rng.Next(1000));
        var responses = Enumerable.Range(0, 900).Select(i => (At: AnyTime(20), Score: rng.Next(1, 6), Service: i % 3 == 0 ? other : service)).ToList();
        var contacts = Enumerable.Range(0, 300).Select(i => (At: AnyTime(20), Service: i % 3 == 0 ? other : service)).ToList();
        foreach (var chunk in responses.Chunk(500))
            await client.PostBatchAsync("/v1/responses/batch", chunk.Select(r => (object)new
            {
                surveyId = survey,
                score = r.Score,
                service = r.Service,
                respondedAt = Api.Time(r.At),
            }));
        await client.PostBatchAsync("/v1/interactions/batch", contacts.Select(c => (object)new
        {
            channel = "chat",
            type = "support",
            status = "open",
            service = c.Service,
            openedAt = Api.Time(c.At),
        }));

        // Deployment-like pairs (before and after an unaligned instant), a few on a whole hour, one empty, one nested.
        var windows = new List<(DateTimeOffset From, DateTimeOffset To)>();
        for (var i = 0; i < 12; i++)
        {
            var at = i % 4 == 0 ? Start.AddHours(rng.Next(48, 17 * 24)) : AnyTime(17).AddDays(2);
            var length = TimeSpan.FromMinutes(rng.Next(10, 4 * 24 * 60));
            windows.Add((at - length, at));
            windows.Add((at, at + length));
        }
        windows.Add((Start.AddDays(3), Start.AddDays(3)));
        windows.Add((Start.AddDays(1).AddMinutes(17), Start.AddDays(19).AddMinutes(-3)));
        windows.Add((Start.AddDays(5).AddMinutes(1), Start.AddDays(5).AddMinutes(50)));

        using var scope = factory.Services.CreateScope();
        var measurement = scope.ServiceProvider.GetRequiredService<ImpactMeasurement>();
        var counts = await measurement.CountAsync([service],
            [.. windows.Select(w => new TimeRange(UnixMicros.From(w.From), UnixMicros.From(w.To)))], CancellationToken.None);

        Assert.Equal(windows.Count, counts.Count);
        foreach (var (window, count) in windows.Zip(counts))
        {
            bool In(DateTimeOffset t) => t >= window.From && t < window.To;
            var own = responses.Where(r => r.Service == service && In(r.At)).ToList();
            Assert.Equal(own.Count, count.Csat.N);
            for (var score = 1; score <= 5; score++) Assert.Equal(own.Count(r => r.Score == score), count.Csat.CountOf(score));
            Assert.Equal(contacts.Count(c => c.Service == service && In(c.At)), count.Interactions.Count);
            Assert.Equal((window.To - window.From).TotalHours, count.Hours, 9);
        }
        Assert.Contains(counts, c => c.Csat.N > 100); // the windows are not trivially empty
    }
}
