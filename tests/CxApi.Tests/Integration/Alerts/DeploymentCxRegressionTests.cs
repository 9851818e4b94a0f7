using CxApi.Common;
using CxApi.Features.Deployments;
using CxApi.Infrastructure.Entities;
using CxApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using System.Text.Json;

namespace CxApi.Tests.Integration.Alerts;

/// <summary>
/// The <c>deployment.cx_regression</c> watch on a fake clock, on either provider: a production deployment's event is sent
/// once, when its after window has 30 responses and a regression or when the window ends, to a real receiver.
/// </summary>
public sealed class DeploymentCxRegressionTests
{
    private const string Event = "deployment.cx_regression";
    private static readonly TimeSpan Window = TimeSpan.FromDays(7);

    private sealed record Setup(FakeTimeProvider Clock, CxApiFactory Factory, HttpClient Client, WebhookReceiver Receiver, string WebhookId, string Secret)
        : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Factory.Dispose();
            await Receiver.DisposeAsync();
        }
    }

    private static async Task<Setup> StartAsync()
    {
        var receiver = await WebhookReceiver.StartAsync();
        var clock = CxApiFactory.FakeClock();
        var factory = AlertsAndWebhooksTests.Factory(clock: clock);
        var client = factory.CreateClient();
        var (webhookId, secret) = await AlertsAndWebhooksTests.SubscribeAsync(client, receiver.Url, Event);
        return new Setup(clock, factory, client, receiver, webhookId, secret);
    }

    /// <summary>
    /// A production deployment of a new service whose after window ends in 10 minutes, after <paramref name="before"/>
    /// CSAT answers in the two days before it and with <paramref name="after"/> in the day after it. (The clock then moves
    /// minutes, not days: every periodic timer of the server fires for each of its periods that a move passes.)
    /// </summary>
    private static async Task<(string Service, DateTimeOffset Finished, string Deployment)> DeployAsync(
        Setup s, (int Score, int Count)[] before, (int Score, int Count)[] after, string? version = null)
    {
        var service = await s.Client.CreateServiceAsync();
        var finished = s.Clock.GetUtcNow() - Window + TimeSpan.FromMinutes(10);
        await s.Client.PostCsatAsync(service, finished.AddDays(-2), finished, before);
        await s.Client.PostCsatAsync(service, finished, finished.AddDays(1), after);
        return (service, finished, await s.Client.DeployAsync(service, finished, version: version));
    }

    /// <summary>One pass of the watch, as the scheduler runs it; returns the ids of the deployments it sent the event for.</summary>
    private static async Task<List<string>> WatchAsync(CxApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var sent = await scope.ServiceProvider.GetRequiredService<CxRegressionWatch>().RunAsync(CancellationToken.None);
        return [.. sent.Select(e => e.DeploymentId)];
    }

    private static Task<long?> SettledAtAsync(CxApiFactory factory, string deploymentId) =>
        factory.WithDbAsync(db => db.Deployments.Where(d => d.Id == deploymentId).Select(d => d.CxVerdictAtMicros).SingleAsync());

    /// <summary>Moves the clock past the end of the after window of a deployment that finished at <paramref name="finished"/>.</summary>
    private static void EndWindow(FakeTimeProvider clock, DateTimeOffset finished) => clock.SetUtcNow(finished + Window + TimeSpan.FromMinutes(1));

    [Fact]
    public async Task ACsatDropAfterAProductionDeploymentSendsOneSignedEventHoweverOftenTheWatchRuns()
    {
        await using var s = await StartAsync();
        // 40 answers 90 % satisfied before, 40 at 40 % after.
        var (service, finished, deployment) = await DeployAsync(s, [(5, 36), (2, 4)], [(4, 16), (1, 24)], "2.4.0");
        var staging = await s.Client.DeployAsync(service, finished, "staging");

        // Two passes at once (as on two instances): one settles the deployment and sends.
        var passes = await Task.WhenAll(WatchAsync(s.Factory), WatchAsync(s.Factory));
        Assert.Equal([deployment], passes.SelectMany(p => p));
        Assert.NotNull(await SettledAtAsync(s.Factory, deployment));
        Assert.Null(await SettledAtAsync(s.Factory, staging));

        var delivery = Assert.Single(await s.Receiver.WaitForAsync(1));
        Assert.True(WebhookReceiver.SignatureVerifies(delivery, s.Secret), delivery.ToString());
        var body = JsonDocument.Parse(delivery.Body).RootElement;
        Assert.Equal(Event, body.GetProperty("type").GetString());
        var data = body.GetProperty("data");
        Assert.Equal(deployment, data.GetProperty("deploymentId").GetString());
        Assert.Equal(service, data.GetProperty("service").GetString());
        Assert.Equal("2.4.0", data.GetProperty("version").GetString());
        Assert.Equal(finished, data.GetProperty("finishedAt").GetDateTimeOffset());
        Assert.Equal(40, data.GetProperty("responsesAfter").GetInt64());
        Assert.Equal(["csat"], data.GetProperty("decidedBy").EnumerateArray().Select(f => f.GetString()));
        Assert.True(data.GetProperty("tests").EnumerateArray().Single(t => t.GetProperty("figure").GetString() == "csat").GetProperty("decided").GetBoolean());
        var after = data.GetProperty("after");
        Assert.False(after.GetProperty("complete").GetBoolean());
        Assert.Equal(40, after.GetProperty("csat").GetProperty("n").GetInt64());
        Assert.Equal(40, after.GetProperty("csat").GetProperty("value").GetDouble(), 9);
        Assert.Equal(90, data.GetProperty("before").GetProperty("csat").GetProperty("value").GetDouble(), 9);

        // Further passes, in the background and on demand, before and after the window ends, send nothing more. The
        // delivery is recorded as delivered before the clock jumps: webhooks are at least once, and an attempt still in
        // flight when days pass on the clock is (rightly) sent again.
        await AlertsAndWebhooksTests.EventuallyAsync(s.Client, $"/v1/webhooks/{s.WebhookId}/deliveries", page => AlertsAndWebhooksTests.AllDelivered(page, 1));
        Assert.Empty(await WatchAsync(s.Factory));
        EndWindow(s.Clock, finished);
        Assert.Empty(await WatchAsync(s.Factory));
        Assert.Single(s.Receiver.Received);
        Assert.Equal(1, await s.Factory.CountAsync<WebhookDeliveryEntity>());
    }

    [Fact]
    public async Task NoiseAfterADeploymentSendsNothingAndIsSettledWhenTheWindowEnds()
    {
        await using var s = await StartAsync();
        var (_, finished, deployment) = await DeployAsync(s, [(5, 32), (2, 8)], [(4, 31), (1, 9)]); // 80 % before, 77.5 % after

        // 40 responses and no regression: still watched, since a regression may yet show within the window.
        Assert.Empty(await WatchAsync(s.Factory));
        Assert.Null(await SettledAtAsync(s.Factory, deployment));

        EndWindow(s.Clock, finished);
        Assert.Empty(await WatchAsync(s.Factory));
        Assert.Equal(UnixMicros.From(s.Clock.GetUtcNow()), await SettledAtAsync(s.Factory, deployment));
        Assert.Empty(await WatchAsync(s.Factory));
        Assert.Equal(0, await s.Factory.CountAsync<WebhookDeliveryEntity>());
        Assert.Empty(s.Receiver.Received);
    }

    [Fact]
    public async Task FewerThanThirtyResponsesSendNothingUntilTheWindowEndsAndThenTheWholeWindowsVerdict()
    {
        await using var s = await StartAsync();
        var (_, finished, deployment) = await DeployAsync(s, [(5, 36), (2, 4)], [(4, 4), (1, 16)]); // 90 % before, 20 % after, but only 20 answers

        Assert.Empty(await WatchAsync(s.Factory));
        s.Clock.SetUtcNow(finished + Window - TimeSpan.FromMinutes(1));
        Assert.Empty(await WatchAsync(s.Factory));
        Assert.Null(await SettledAtAsync(s.Factory, deployment));
        Assert.Equal(0, await s.Factory.CountAsync<WebhookDeliveryEntity>());

        // The scheduler's own pass, which the clock brings, settles it and sends the whole window's verdict.
        EndWindow(s.Clock, finished);
        var delivery = Assert.Single(await s.Receiver.WaitForAsync(1));
        Assert.NotNull(await SettledAtAsync(s.Factory, deployment));
        Assert.Empty(await WatchAsync(s.Factory));
        Assert.Equal(1, await s.Factory.CountAsync<WebhookDeliveryEntity>());
        Assert.True(WebhookReceiver.SignatureVerifies(delivery, s.Secret));
        var data = AlertsAndWebhooksTests.Data(delivery);
        Assert.Equal(20, data.GetProperty("responsesAfter").GetInt64());
        Assert.True(data.GetProperty("after").GetProperty("complete").GetBoolean());
        Assert.Equal(["csat"], data.GetProperty("decidedBy").EnumerateArray().Select(f => f.GetString()));
    }
}
