using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Mapping;
using CxApi.Features.Alerts;
using CxApi.Features.Interactions;
using CxApi.Features.Metrics.Calculators;
using CxApi.Features.Responses;
using CxApi.Features.Surveys;
using CxApi.Features.Webhooks;
using CxApi.Infrastructure.Entities;
using Mapster;

namespace CxApi.Tests.Unit;

/// <summary>The API's one Mapster configuration: complete, strict, and worked examples of the mappings that carry logic.</summary>
public sealed class MappingConfigurationTests
{
    private static readonly TypeAdapterConfig Config = MappingSetup.Build(typeof(Program).Assembly);
    private static readonly Caller Partner = new("k-1", ApiKeyRole.Ingest, "acme");
    private static readonly DateTimeOffset Noon = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    /// <summary>1 Nov 2026 12:00:00.000001 UTC as stored: one microsecond past noon.</summary>
    private const long NoonAndAMicrosecond = 1_793_534_400_000_001;

    [Fact]
    public void TheWholeConfigurationCompilesForMappingAndProjection()
    {
        var config = MappingSetup.Build(typeof(Program).Assembly);
        config.Compile();
        config.CompileProjection();
        Type[] contracts =
        [
            typeof(Survey), typeof(SurveyResponse), typeof(Interaction), typeof(Features.Reviews.Review), typeof(Features.ApiKeys.ApiKey),
            typeof(Features.ApiKeys.CreatedApiKey), typeof(Webhook), typeof(CreatedWebhook), typeof(WebhookDelivery), typeof(WebhookAttempt),
            typeof(AlertRule), typeof(AlertEvent),
        ];
        var mapped = config.RuleMap.Keys.Select(k => k.Destination).ToHashSet();
        Assert.All(contracts, c => Assert.Contains(c, mapped));
    }

    [Fact]
    public void AContractMemberWithoutASourceFailsTheBuild()
    {
        var config = new TypeAdapterConfig { RequireDestinationMemberSource = true };
        config.NewConfig<SurveyEntity, Survey>(); // no rule for Scale, CreatedAt or UpdatedAt, which have no same-named source
        var error = Assert.ThrowsAny<Exception>(() => config.Compile());
        Assert.Contains("Scale", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ASusResponseCarriesTheScoreOfItsTenAnswersAndNoCategory()
    {
        var request = new CreateResponseRequest("s-1", Answers: [4, 2, 4, 2, 4, 2, 4, 2, 4, 2], RespondedAt: Noon, Tags: ["onboarding"]);
        var entity = request.ToEntity(SurveyKind.Sus, Partner, UnixMicros.From(Noon.AddSeconds(1)));

        var contract = entity.Adapt<SurveyResponse>(Config);

        // Odd items score 4 − 1 = 3, even items 5 − 2 = 3: 30 × 2.5 = 75.
        Assert.Equal(75.0, contract.SusScore);
        Assert.Null(contract.Score);
        Assert.Null(contract.Category);
        Assert.Equal([4, 2, 4, 2, 4, 2, 4, 2, 4, 2], contract.Answers!);
        Assert.Equal(["onboarding"], contract.Tags);
        Assert.Equal(Noon, contract.RespondedAt);
        Assert.Equal(Noon.AddSeconds(1), contract.ReceivedAt);
        Assert.Equal(entity.Id, contract.Id);
        Assert.Equal(SurveyKind.Sus, contract.Kind);
    }

    [Theory]
    [InlineData(SurveyKind.Nps, 10, NpsCategory.Promoter)]
    [InlineData(SurveyKind.Nps, 8, NpsCategory.Passive)]
    [InlineData(SurveyKind.Nps, 6, NpsCategory.Detractor)]
    [InlineData(SurveyKind.Csat, 5, null)]
    public void OnlyAnNpsScoreHasACategory(SurveyKind kind, int score, NpsCategory? category)
    {
        var entity = new ResponseEntity { Id = "r-1", SurveyId = "s-1", Kind = kind, Score = score, RespondedAtMicros = 0 };
        Assert.Equal(category, entity.Adapt<SurveyResponse>(Config).Category);
    }

    [Fact]
    public void StoredMicrosecondsBecomeTheSameInstantAndDurationsBecomeSeconds()
    {
        var entity = new InteractionEntity
        {
            Id = "i-1",
            Type = "support",
            Channel = Channel.Chat,
            Status = InteractionStatus.Resolved,
            OpenedAtMicros = NoonAndAMicrosecond,
            FirstResponseAtMicros = NoonAndAMicrosecond + 250_500_000,
            ResolvedAtMicros = null,
            ReceivedAtMicros = NoonAndAMicrosecond,
            UpdatedAtMicros = NoonAndAMicrosecond + 1,
        };

        var contract = entity.Adapt<Interaction>(Config);

        var opened = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(10); // 1 µs = 10 ticks
        Assert.Equal(opened, contract.OpenedAt);
        Assert.Equal(TimeSpan.Zero, contract.OpenedAt.Offset);
        Assert.Equal(opened.AddSeconds(250.5), contract.FirstResponseAt);
        Assert.Null(contract.ResolvedAt);
        Assert.Equal(250.5, contract.FirstResponseSeconds);
        Assert.Null(contract.ResolutionSeconds);
        Assert.Equal(opened.AddTicks(10), contract.UpdatedAt);
        Assert.Equal(NoonAndAMicrosecond, UnixMicros.From(contract.OpenedAt)); // and back, exactly (list cursors rely on it)
    }

    [Theory]
    [InlineData(SurveyKind.Nps, 0, 10)]
    [InlineData(SurveyKind.Ces, 1, 7)]
    [InlineData(SurveyKind.Sus, 1, 5)]
    public void ASurveyAnswersWithItsKindsScale(SurveyKind kind, int min, int max)
    {
        var survey = new CreateSurveyRequest("Support", kind).ToEntity(UnixMicros.From(Noon)).Adapt<Survey>(Config);
        Assert.Equal(new Scale(min, max), survey.Scale);
        Assert.Equal(Noon, survey.CreatedAt);
        Assert.True(survey.Active);
    }

    [Fact]
    public void AnAlertRuleReadsItsMetricFiltersConditionAndState()
    {
        var request = new CreateAlertRuleRequest("CSAT drop", AlertMetricName.Csat, "P7D", new AlertCondition(DropBy: 5, SignificantOnly: true),
            Filters: new Dictionary<string, string[]> { ["channel"] = ["chat", "email"] });
        var entity = request.ToEntity(UnixMicros.From(Noon));
        entity.Firing = true;
        entity.StateChangedAtMicros = UnixMicros.From(Noon.AddHours(1));

        var rule = entity.Adapt<AlertRule>(Config);

        Assert.Equal(AlertMetricName.Csat, rule.Metric);
        Assert.Equal("value", rule.Field);
        Assert.Equal(["chat", "email"], rule.Filters["channel"]);
        Assert.Equal(new AlertCondition(DropBy: 5, VsPreviousWindow: true, SignificantOnly: true), rule.Condition);
        Assert.Equal(AlertState.Firing, rule.State);
        Assert.Equal(Noon.AddHours(1), rule.StateChangedAt);
        Assert.Equal(Statistics.LowSampleThreshold, rule.MinResponses);
    }

    [Fact]
    public void OnlyAPendingDeliveryHasANextAttemptAndDurationsAreMilliseconds()
    {
        var delivery = new WebhookDeliveryEntity
        {
            Id = "d-1",
            WebhookId = "w-1",
            EventType = WebhookEvents.AlertTriggered,
            Payload = "{}",
            Status = DeliveryStatus.Failed,
            Attempts = 3,
            CreatedAtMicros = UnixMicros.From(Noon),
            NextAttemptAtMicros = UnixMicros.From(Noon.AddMinutes(5)),
            LastStatusCode = 503,
        };
        var failed = delivery.Adapt<WebhookDelivery>(Config);
        Assert.Equal(3, failed.AttemptCount);
        Assert.Null(failed.NextAttemptAt);
        Assert.Empty(failed.Attempts); // the handler adds the attempt rows

        delivery.Status = DeliveryStatus.Pending;
        Assert.Equal(Noon.AddMinutes(5), delivery.Adapt<WebhookDelivery>(Config).NextAttemptAt);

        var attempt = new WebhookAttemptEntity
        {
            Id = "a-1",
            DeliveryId = "d-1",
            Number = 2,
            AttemptedAtMicros = UnixMicros.From(Noon),
            DurationMicros = 48_900,
        };
        Assert.Equal(new WebhookAttempt(2, Noon, null, null, 48.9), attempt.Adapt<WebhookAttempt>(Config));
    }
}
