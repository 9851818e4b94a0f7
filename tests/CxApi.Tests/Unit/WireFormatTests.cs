using CxApi.Common;
using CxApi.Common.Paging;
using CxApi.Common.Problems;

namespace CxApi.Tests.Unit;

public sealed class WireFormatTests
{
    [Theory]
    [InlineData("2026-11-20T10:00:00Z", "2026-11-20T10:00:00Z")]
    [InlineData("2026-11-20T11:00:00+01:00", "2026-11-20T10:00:00Z")]
    [InlineData("2026-11-20t10:00:00.123456789z", "2026-11-20T10:00:00.1234567Z")]
    [InlineData("2026-11-20T05:30:00-04:30", "2026-11-20T10:00:00Z")]
    public void Rfc3339TimesWithOffsetsParse(string text, string utc)
    {
        Assert.True(Rfc3339.TryParse(text, out var value));
        Assert.Equal(utc, Rfc3339.Format(value.ToUniversalTime()));
    }

    [Theory]
    [InlineData("2026-11-20T10:00:00")]
    [InlineData("2026-11-20")]
    [InlineData("2026-11-20T10:00Z")]
    [InlineData("2026-13-20T10:00:00Z")]
    [InlineData("")]
    [InlineData(null)]
    public void TimesWithoutOffsetOrInvalidAreRejected(string? text) => Assert.False(Rfc3339.TryParse(text, out _));

    [Fact]
    public void UnixMicrosRoundTripsAtMicrosecondPrecision()
    {
        var t = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(1)).AddTicks(1234560);
        Assert.Equal(t, UnixMicros.ToDateTimeOffset(UnixMicros.From(t)));
        Assert.Equal(0, UnixMicros.From(DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void CursorsRoundTripAndRejectForgeries()
    {
        var cursor = new Cursor(1_763_632_800_000_000, "01a20b2f-d7f8-7cbd-bf07-de326d06bc9e");
        Assert.True(Cursor.TryDecode(cursor.Encode(), out var decoded));
        Assert.Equal(cursor, decoded);
        Assert.False(Cursor.TryDecode("garbage!", out _));
        Assert.False(Cursor.TryDecode("bm9waXBl", out _)); // "nopipe"
    }

    [Theory]
    [InlineData(CxApi.Common.Channel.InStore, "in_store")]
    [InlineData(CxApi.Common.Channel.Email, "email")]
    public void EnumsUseSnakeCaseNames(CxApi.Common.Channel channel, string text)
    {
        Assert.Equal(text, EnumText<CxApi.Common.Channel>.ToText(channel));
        Assert.True(EnumText<CxApi.Common.Channel>.TryParse(text, out var parsed));
        Assert.Equal(channel, parsed);
        Assert.False(EnumText<CxApi.Common.Channel>.TryParse("InStore", out _));
    }

    [Theory]
    [InlineData("$.score", "score")]
    [InlineData("$.items[7].rating", "items[7].rating")]
    [InlineData("$.answers[3]", "answers[3]")]
    [InlineData("$['odd key']", "odd key")]
    public void JsonPathsBecomeErrorKeys(string path, string key) =>
        Assert.Equal(key, JsonErrors.JsonPath(path));
}
