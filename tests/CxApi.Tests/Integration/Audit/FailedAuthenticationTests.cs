using CxApi.Common;
using CxApi.Infrastructure.Entities;
using CxApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using System.Net;

namespace CxApi.Tests.Integration.Audit;

/// <summary>
/// Refused keys are counted, not logged one by one: one row per minute and per known key (or per kind of refusal for
/// keys the server does not know), whose count rises, on the server's (fake) clock.
/// </summary>
public sealed class FailedAuthenticationTests : IDisposable
{
    private readonly CxApiFactory _factory = new() { Clock = CxApiFactory.FakeClock() };

    public void Dispose() => _factory.Dispose();

    private Task<List<AuditEventEntity>> FailuresAsync() => _factory.WithDbAsync(db => db.Set<AuditEventEntity>().AsNoTracking()
        .Where(e => e.Action == AuditAction.AuthenticationFailed).OrderBy(e => e.AtMicros).ThenBy(e => e.Reason).ToListAsync());

    [Fact]
    public async Task FailuresInOneMinuteAreOneRowPerKeyWithTheirCount()
    {
        var clock = _factory.Clock!;
        clock.Advance(TimeSpan.FromSeconds(60 - clock.GetUtcNow().Second)); // to the start of a minute
        var (revokedKey, revokedId) = await _factory.CreateKeyAsync("read");
        Assert.Equal(HttpStatusCode.NoContent, (await _factory.CreateClient().DeleteAsync($"/v1/api-keys/{revokedId}")).StatusCode);

        for (var i = 0; i < 7; i++)
        {
            // Each with another made-up key: they all fall into the one "unknown key" row of the minute.
            Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient($"cx_live_guess{i:D4}").GetAsync("/v1/surveys")).StatusCode);
            clock.Advance(TimeSpan.FromSeconds(5));
        }
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient(apiKey: null).GetAsync("/v1/surveys")).StatusCode);
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient(revokedKey).GetAsync("/v1/surveys")).StatusCode);

        var minute = UnixMicros.From(clock.GetUtcNow()) / 60_000_000 * 60_000_000;
        var rows = await FailuresAsync();
        Assert.Equal(
            [("missing_key", (string?)null, 3), ("revoked_key", revokedId, 2), ("unknown_key", null, 7)],
            rows.Select(r => (r.Reason!, r.TargetId, r.Count)));
        Assert.All(rows, r => Assert.Equal((minute, "api_key", AuditOutcome.Failure, (string?)null, (ApiKeyRole?)null),
            (r.AtMicros, r.TargetKind, r.Outcome, r.ActorKeyId, r.Role)));

        // The next minute starts a row of its own.
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient("cx_live_another").GetAsync("/v1/surveys")).StatusCode);
        var later = await FailuresAsync();
        Assert.Equal(4, later.Count);
        Assert.Equal((minute + 60_000_000, "unknown_key", 1), (later[^1].AtMicros, later[^1].Reason, later[^1].Count));
    }

    [Fact]
    public async Task AnEndpointWithoutAKeyRequirementCountsNothing()
    {
        Assert.Equal(HttpStatusCode.OK, (await _factory.CreateClient("cx_live_not_a_key").GetAsync("/health/live")).StatusCode);
        Assert.Empty(await FailuresAsync());
    }
}
