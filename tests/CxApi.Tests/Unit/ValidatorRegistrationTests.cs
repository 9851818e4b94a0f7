using CxApi.Common.Validation;
using CxApi.Features.Alerts;
using CxApi.Features.Interactions;
using CxApi.Features.Metrics;
using CxApi.Features.Records;
using CxApi.Features.Responses;
using CxApi.Features.Reviews;
using CxApi.Features.Surveys;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CxApi.Tests.Unit;

/// <summary><see cref="ValidationSetup.AddCxValidation"/> registers every validator, including those that take constructor arguments.</summary>
public sealed class ValidatorRegistrationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static ServiceProvider Services() =>
        new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(Now)).AddCxValidation().BuildServiceProvider();

    [Fact]
    public void EveryValidatorResolvesAsASingleton()
    {
        using var services = Services();
        Assert.IsType<CreateSurveyValidator>(services.GetRequiredService<IValidator<CreateSurveyRequest>>());
        Assert.IsType<BatchRequestValidator>(services.GetRequiredService<IValidator<BatchRequest>>());
        Assert.IsType<CreateAlertRuleValidator>(services.GetRequiredService<IValidator<CreateAlertRuleRequest>>());
        // These take the TimeProvider in their constructor.
        Assert.IsType<CreateResponseValidator>(services.GetRequiredService<IValidator<CreateResponseRequest>>());
        Assert.IsType<CreateInteractionValidator>(services.GetRequiredService<IValidator<CreateInteractionRequest>>());
        Assert.IsType<SurveyMetricQueryValidator>(services.GetRequiredService<IValidator<SurveyMetricQuery>>());
        Assert.IsType<DriverQueryValidator>(services.GetRequiredService<IValidator<DriverQuery>>());
        Assert.Same(services.GetRequiredService<IValidator<CreateReviewRequest>>(), services.GetRequiredService<IValidator<CreateReviewRequest>>());
    }

    [Fact]
    public void AResolvedValidatorUsesTheRegisteredClock()
    {
        using var services = Services();
        var validator = services.GetRequiredService<IValidator<CreateReviewRequest>>();
        ValidationSetup.UseJsonNames();
        var review = new CreateReviewRequest("trustpilot", Rating: 6, PublishedAt: Now.AddDays(1));
        var errors = validator.Validate(review).ToDictionary();
        Assert.Equal(["publishedAt", "rating"], errors.Keys.Order());
        Assert.Equal(["'rating' must be between 1 and 5. You entered 6."], errors["rating"]);
    }
}
