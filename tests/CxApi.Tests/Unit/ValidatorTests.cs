using CxApi.Common;
using CxApi.Common.Json;
using CxApi.Common.Validation;
using CxApi.Features.Interactions;
using CxApi.Features.Responses;
using CxApi.Features.Reviews;
using CxApi.Features.Surveys;
using Microsoft.Extensions.Time.Testing;

namespace CxApi.Tests.Unit;

public sealed class ValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly FakeTimeProvider Clock = new(Now);

    static ValidatorTests() => ValidationSetup.UseJsonNames();

    private static CreateInteractionRequest Interaction(
        DateTimeOffset? opened = null, DateTimeOffset? firstResponse = null, DateTimeOffset? resolved = null,
        InteractionStatus? status = InteractionStatus.Open, int? contacts = null, IReadOnlyList<string>? tags = null) =>
        new(Channel.Chat, "support", opened ?? Now.AddHours(-2), status, FirstResponseAt: firstResponse, ResolvedAt: resolved,
            ContactCount: contacts, Tags: tags);

    private static string[] Errors<T>(FluentValidation.IValidator<T> validator, T request) =>
        [.. validator.Validate(request).Errors.Select(e => e.PropertyName).Distinct().Order()];

    [Fact]
    public void AValidInteractionPasses() =>
        Assert.Empty(Errors(new CreateInteractionValidator(Clock), Interaction(firstResponse: Now.AddHours(-1))));

    [Theory]
    [InlineData(-1, null, "firstResponseAt")]
    [InlineData(null, -1, "resolvedAt")]
    public void TimesBeforeOpeningAreRejected(int? firstResponseHours, int? resolvedHours, string field)
    {
        var opened = Now.AddHours(-2);
        var request = Interaction(opened, firstResponseHours is { } f ? opened.AddHours(f) : null,
            resolvedHours is { } r ? opened.AddHours(r) : null, resolvedHours is null ? InteractionStatus.Open : InteractionStatus.Resolved);
        Assert.Contains(field, Errors(new CreateInteractionValidator(Clock), request));
    }

    [Fact]
    public void ResolvedAtAndStatusResolvedRequireEachOther()
    {
        var validator = new CreateInteractionValidator(Clock);
        Assert.Equal(["resolvedAt"], Errors(validator, Interaction(status: InteractionStatus.Resolved)));
        Assert.Equal(["status"], Errors(validator, Interaction(resolved: Now.AddHours(-1), status: InteractionStatus.Abandoned)));
        Assert.Empty(Errors(validator, Interaction(resolved: Now.AddHours(-1), status: InteractionStatus.Resolved)));
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    [InlineData(60, false)]
    public void TimesUpToFiveMinutesAheadAreAccepted(int minutesAhead, bool valid)
    {
        var errors = Errors(new CreateInteractionValidator(Clock), Interaction(opened: Now.AddMinutes(minutesAhead)));
        Assert.Equal(valid, !errors.Contains("openedAt"));
    }

    [Fact]
    public void TimesBeforeTheUnixEpochAreRejected() =>
        Assert.Contains("openedAt", Errors(new CreateInteractionValidator(Clock), Interaction(opened: new DateTimeOffset(1969, 12, 31, 0, 0, 0, TimeSpan.Zero))));

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(10_000, true)]
    [InlineData(10_001, false)]
    public void ContactCountIsAtLeastOne(int contacts, bool valid) =>
        Assert.Equal(valid, !Errors(new CreateInteractionValidator(Clock), Interaction(contacts: contacts)).Contains("contactCount"));

    [Fact]
    public void TagRulesNameTheOffendingIndex()
    {
        var validator = new CreateInteractionValidator(Clock);
        Assert.Equal(["tags[1]"], Errors(validator, Interaction(tags: ["ok", new string('x', 51)])));
        Assert.Equal(["tags[0]"], Errors(validator, Interaction(tags: [""])));
        Assert.Equal(["tags"], Errors(validator, Interaction(tags: [.. Enumerable.Range(0, 21).Select(i => $"t{i}")])));
        Assert.Empty(Errors(validator, Interaction(tags: [.. Enumerable.Range(0, 20).Select(i => $"t{i}")])));
    }

    [Fact]
    public void APatchValidatesOnlyTheFieldsItSets()
    {
        var validator = new UpdateInteractionValidator(Clock);
        Assert.Empty(Errors(validator, new UpdateInteractionRequest()));
        Assert.Equal(["contactCount", "status"], Errors(validator, new UpdateInteractionRequest(Status: new((InteractionStatus?)null), ContactCount: new(0))));
        Assert.Equal(["resolvedAt"], Errors(validator, new UpdateInteractionRequest(ResolvedAt: new(Now.AddDays(1)))));
        Assert.Empty(Errors(validator, new UpdateInteractionRequest(ResolvedAt: new((DateTimeOffset?)null), Team: new((string?)null))));
    }

    [Theory]
    [InlineData(null, "g", 3, "publishedAt")]
    [InlineData("2026-01-01T00:00:00Z", "", 3, "source")]
    [InlineData("2026-01-01T00:00:00Z", "g", 0, "rating")]
    [InlineData("2026-01-01T00:00:00Z", "g", 6, "rating")]
    public void ReviewRulesNameTheField(string? published, string source, int rating, string field)
    {
        var request = new CreateReviewRequest(source, rating, published is null ? null : DateTimeOffset.Parse(published, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([field], Errors(new CreateReviewValidator(Clock), request));
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("pt-BR", true)]
    [InlineData("zh-Hant-TW", true)]
    [InlineData("english", false)]
    [InlineData("e", false)]
    public void ReviewLanguageIsABcp47Tag(string language, bool valid)
    {
        var request = new CreateReviewRequest("g", 4, Now, Language: language);
        Assert.Equal(valid, Errors(new CreateReviewValidator(Clock), request).Length == 0);
    }

    [Fact]
    public void ASurveyNeedsANameAndAKind()
    {
        Assert.Equal(["kind", "name"], Errors(new CreateSurveyValidator(), new CreateSurveyRequest(null, null)));
        Assert.Equal(["name"], Errors(new CreateSurveyValidator(), new CreateSurveyRequest("   ", SurveyKind.Nps)));
        Assert.Empty(Errors(new CreateSurveyValidator(), new CreateSurveyRequest("Support NPS", SurveyKind.Nps)));
    }

    [Fact]
    public void ASurveyPatchMayNotNullTheNameButMayClearTheQuestion()
    {
        var validator = new UpdateSurveyValidator();
        Assert.Equal(["name"], Errors(validator, new UpdateSurveyRequest(Name: new((string?)null))));
        Assert.Empty(Errors(validator, new UpdateSurveyRequest(Question: new((string?)null))));
    }

    [Theory]
    [InlineData(1001, null, null, null, "limit")]
    [InlineData(null, "2026-01-01T00:00:00", null, null, "from")]
    [InlineData(null, "2026-02-01T00:00:00Z", "2026-01-01T00:00:00Z", null, "to")]
    [InlineData(null, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", null, "to")]
    [InlineData(null, null, null, "not-a-cursor", "cursor")]
    public void ListQueriesCheckLimitTimesAndCursor(int? limit, string? from, string? to, string? cursor, string field)
    {
        var query = new ResponseListQuery(null, null, from, to, null, null, null, null, null, limit, cursor);
        Assert.Equal([field], Errors(new ResponseListQueryValidator(), query));
    }

    [Fact]
    public void ListQueriesRejectUnknownEnumFilterValues()
    {
        var query = new ResponseListQuery(null, ["nps", "xyz"], null, null, ["in_store", "fax"], null, null, null, null, 10, null);
        Assert.Equal(["channel[1]", "kind[1]"], Errors(new ResponseListQueryValidator(), query));
    }

    [Fact]
    public void OptionalDistinguishesAbsentFromNull()
    {
        var options = new System.Text.Json.JsonSerializerOptions();
        JsonSetup.Apply(options);
        var absent = System.Text.Json.JsonSerializer.Deserialize<UpdateSurveyRequest>("{}", options)!;
        var cleared = System.Text.Json.JsonSerializer.Deserialize<UpdateSurveyRequest>("""{ "question": null }""", options)!;
        Assert.False(absent.Question.IsSet);
        Assert.True(cleared.Question.IsSet);
        Assert.Null(cleared.Question.Value);
        Assert.Equal("kept", absent.Question.Or("kept"));
        Assert.Null(cleared.Question.Or("kept"));
    }
}
