using CxApi.Common;
using CxApi.Common.Formats;
using CxApi.Common.Json;
using CxApi.Common.Problems;
using CxApi.Common.Validation;
using CxApi.Features.Interactions;
using FluentValidation;
using Microsoft.Extensions.Time.Testing;
using System.Text.Json;

namespace CxApi.Tests.Unit;

/// <summary>The rules at the API's edge: RFC 3339 exactly, CSV cells safe to open, externalIds in one form.</summary>
public sealed class EdgeRulesTests
{
    [Theory]
    [InlineData("2026-11-20T10:00:00.1234567890Z", "2026-11-20T10:00:00.1234567Z")] // 10 digits: cut to 7
    [InlineData("2026-11-20T10:00:00.99999999999999999999Z", "2026-11-20T10:00:00.9999999Z")] // never rounded up into the next second
    [InlineData("2026-11-20T10:00:00.5Z", "2026-11-20T10:00:00.5Z")]
    public void AnyNumberOfFractionalDigitsIsAcceptedAndThoseBeyondSevenAreTruncated(string text, string utc)
    {
        Assert.True(Rfc3339.TryParse(text, out var value));
        Assert.Equal(utc, Rfc3339.Format(value));
    }

    [Theory]
    [InlineData("2026-11-20T10:00:00Z\n")]
    [InlineData("2026-11-20T10:00:00Z\r\n")]
    [InlineData(" 2026-11-20T10:00:00Z")]
    [InlineData("2026-11-20T10:00:00Z ")]
    [InlineData("\t2026-11-20T10:00:00Z")]
    [InlineData("2026-11-20T10:00:00.Z")]
    [InlineData("２０26-11-20T10:00:00Z")] // full-width digits
    [InlineData("2026-11-20T10:00:00.١٢Z")] // Arabic-Indic digits
    public void SurroundingWhitespaceAndNonAsciiDigitsAreRefused(string text) => Assert.False(Rfc3339.TryParse(text, out _));

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"click\")", "'=HYPERLINK(\"http://evil.example\",\"click\")")]
    [InlineData("+1 555 0100", "'+1 555 0100")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    [InlineData("fine = fine", "fine = fine")]
    [InlineData(" =1+1", " =1+1")]
    [InlineData("'quoted", "'quoted")]
    [InlineData("", "")]
    public void TextThatASpreadsheetWouldRunGetsALeadingQuote(string text, string cell) => Assert.Equal(cell, Csv.Text(text));

    [Theory]
    [InlineData("a\0b", "a\uFFFDb")]
    [InlineData("\u001b[31mred", "\uFFFD[31mred")]
    [InlineData("del\u007f", "del\uFFFD")]
    [InlineData("c1\u0085", "c1\uFFFD")]
    [InlineData("\0=1+1", "\uFFFD=1+1")]
    [InlineData("keeps\ttab\r\nand lines", "keeps\ttab\r\nand lines")]
    public void ControlCharactersOtherThanTabAndLineBreaksBecomeTheReplacementCharacter(string text, string cell) =>
        Assert.Equal(cell, Csv.Text(text));

    [Fact]
    public void NumbersTheServerWritesStayNumbers()
    {
        Assert.Equal("-12.5", Csv.Format(-12.5, JsonSetup.Wire));
        Assert.Equal("-3", Csv.Format(-3L, JsonSetup.Wire));
        Assert.Equal("'-12.5", Csv.Format("-12.5", JsonSetup.Wire)); // the same text from a caller is text
        Assert.Equal("[\"=1\"]", Csv.Format(new[] { "=1" }, JsonSetup.Wire)); // a list is JSON text, which starts with [
    }

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    static EdgeRulesTests() => ValidationSetup.UseJsonNames();

    private static IEnumerable<string> ExternalIdErrors(string externalId) =>
        new CreateInteractionValidator(Clock)
            .Validate(new CreateInteractionRequest(Channel.Chat, "support", Clock.GetUtcNow().AddHours(-1), InteractionStatus.Open, ExternalId: externalId))
            .Errors.Where(e => e.PropertyName == "externalId").Select(e => e.ErrorMessage);

    [Theory]
    [InlineData("T-\u200B9911")] // zero-width space
    [InlineData("T-\u200C9911")] // zero-width non-joiner
    [InlineData("T-\u200D9911")] // zero-width joiner
    [InlineData("T-\u20609911")] // word joiner
    [InlineData("\uFEFFT-9911")] // byte order mark
    [InlineData("T-\u202E9911")] // right-to-left override
    [InlineData("T-\u00AD9911")] // soft hyphen
    [InlineData("T-9911\0")]
    [InlineData("T-99\n11")]
    [InlineData("T-99\u001b11")]
    [InlineData("T-99\u2028")] // line separator
    [InlineData("   ")]
    public void AnExternalIdWithControlOrInvisibleCharactersIsRefused(string externalId) =>
        Assert.NotEmpty(ExternalIdErrors(externalId));

    [Fact]
    public void AnExternalIdWithALoneSurrogateIsRefusedNotNormalised() // (theory data would not carry it intact)
    {
        Assert.NotEmpty(ExternalIdErrors("T-\uD8009911"));
        Assert.NotEmpty(ExternalIdErrors("T-9911\uDC00"));
    }

    [Theory]
    [InlineData("T-9911")]
    [InlineData("café-7")]
    [InlineData("cafe\u0301-7")] // NFD: normalised where the record is made
    [InlineData("工单-😀-7")] // a valid surrogate pair
    public void VisibleUnicodeExternalIdsAreAccepted(string externalId) => Assert.Empty(ExternalIdErrors(externalId));

    [Fact]
    public void TheLengthLimitCountsTheStoredNfcForm()
    {
        var nfd = string.Concat(Enumerable.Repeat("e\u0301", 150)); // 300 UTF-16 units, 150 once composed
        Assert.Empty(ExternalIdErrors(nfd));
        Assert.Equal(new string('\u00E9', 150), CommonRules.CanonicalExternalId(nfd));
        Assert.NotEmpty(ExternalIdErrors(new string('x', Limits.Name + 1)));
    }

    [Fact]
    public void SerializerMessagesAreNeverPassedOn()
    {
        static (string Path, string Message) Error(string json)
        {
            var e = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<CreateInteractionRequest>(json, JsonSetup.Wire));
            return JsonErrors.Describe(e, typeof(CreateInteractionRequest));
        }

        Assert.Equal(("contactCount", "must be an integer"), Error("""{ "contactCount": "x" }"""));
        Assert.Equal(("contactCount", "appears more than once; give each property once"), Error("""{ "contactCount": 1, "contactCount": 2 }"""));
        Assert.Equal(("ContactCount", "is not a known property; names are case-sensitive: did you mean 'contactCount'?"), Error("""{ "ContactCount": 1 }"""));
        Assert.Equal(("bogus", "is not a known property"), Error("""{ "bogus": 1 }"""));
        Assert.Equal("channel", Error("""{ "channel": 3 }""").Path);
        Assert.StartsWith("must be one of", Error("""{ "channel": 3 }""").Message);
    }

    [Fact]
    public void ErrorsInsideAMergePatchFieldKeepTheirFullPath()
    {
        static (string Path, string Message) Error(string json)
        {
            var e = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<UpdateInteractionRequest>(json, JsonSetup.Wire));
            Assert.False(JsonErrors.IsSyntaxError(e));
            return JsonErrors.Describe(e, typeof(UpdateInteractionRequest));
        }

        Assert.Equal(("team", "must be a string"), Error("""{ "team": {} }"""));
        Assert.Equal(("tags[1]", "must be a string"), Error("""{ "tags": ["a", 2] }"""));
        Assert.Equal("status", Error("""{ "status": "closed" }""").Path);
        Assert.StartsWith("must be one of", Error("""{ "status": "closed" }""").Message);
        Assert.Equal(("contactCount", "must be an integer"), Error("""{ "contactCount": 1.5 }"""));
    }
}
