using CxApi.Common;
using CxApi.Infrastructure.Entities;
using CxApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using System.Net;

namespace CxApi.Tests.Integration.Audit;

/// <summary>
/// Refused keys are counted, not logged one by one: one row per minute, reason and key prefix (up to a cap of prefixes
/// a minute), whose count rises, on the server's (fake) clock.
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
            // Two made-up keys: one row per key prefix (the first 12 characters) for the minute.
            Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient($"cx_live_gue{i % 2}_{i:D4}").GetAsync("/v1/surveys")).StatusCode);
            clock.Advance(TimeSpan.FromSeconds(5));
        }
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient(apiKey: null).GetAsync("/v1/surveys")).StatusCode);
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient(revokedKey).GetAsync("/v1/surveys")).StatusCode);

        var minute = UnixMicros.From(clock.GetUtcNow()) / 60_000_000 * 60_000_000;
        var rows = await FailuresAsync();
        Assert.Equal(
            [("missing_key", (string?)null, (string?)null, 3), ("revoked_key", revokedId, revokedKey[..12], 2),
                ("unknown_key", null, "cx_live_gue0", 4), ("unknown_key", null, "cx_live_gue1", 3)],
            rows.OrderBy(r => r.Reason).ThenBy(r => r.KeyPrefix).Select(r => (r.Reason!, r.TargetId, r.KeyPrefix, r.Count)));
        Assert.All(rows, r => Assert.Equal((minute, "api_key", AuditOutcome.Failure, (string?)null, (ApiKeyRole?)null),
            (r.AtMicros, r.TargetKind, r.Outcome, r.ActorKeyId, r.Role)));

        // The next minute starts a row of its own.
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient("cx_live_another").GetAsync("/v1/surveys")).StatusCode);
        var later = await FailuresAsync();
        Assert.Equal(5, later.Count);
        Assert.Equal((minute + 60_000_000, "unknown_key", "cx_live_anot", 1),
            (later[^1].AtMicros, later[^1].Reason, later[^1].KeyPrefix, later[^1].Count));
    }

    [Fact]
    public async Task PastTheCapAMinutesFurtherPrefixesShareOneRowSoGuessingCannotGrowTheTable()
    {
        var clock = _factory.Clock!;
        clock.Advance(TimeSpan.FromSeconds(60 - clock.GetUtcNow().Second)); // all within one minute
        var guesses = CxApi.Features.Audit.AuditTrail.MaxPrefixesPerMinute + 7;
        for (var i = 0; i < guesses; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient($"cx_{i:D9}_guess").GetAsync("/v1/surveys")).StatusCode);
        // A prefix already counted this minute still counts on its own row.
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient("cx_000000000_again").GetAsync("/v1/surveys")).StatusCode);

        var rows = await FailuresAsync();
        Assert.Equal(CxApi.Features.Audit.AuditTrail.MaxPrefixesPerMinute + 1, rows.Count);
        Assert.Equal(7, rows.Single(r => r.KeyPrefix is null).Count);
        Assert.Equal(2, rows.Single(r => r.KeyPrefix == "cx_000000000").Count);
        Assert.Equal(guesses + 1, rows.Sum(r => r.Count));
    }

    [Fact]
    public async Task AnEndpointWithoutAKeyRequirementCountsNothing()
    {
        Assert.Equal(HttpStatusCode.OK, (await _factory.CreateClient("cx_live_not_a_key").GetAsync("/health/live")).StatusCode);
        Assert.Empty(await FailuresAsync());
    }
}
