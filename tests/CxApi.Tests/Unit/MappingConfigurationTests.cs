using CxApi.Common;
using CxApi.Common.Mapping;
using CxApi.Features.Responses;
using CxApi.Infrastructure.Entities;
using CxApi.Metrics;
using Mapster;

namespace CxApi.Tests.Unit;

public sealed class MappingConfigurationTests
{
    private static readonly TypeAdapterConfig Config = MappingSetup.Build(typeof(Program).Assembly);

    [Fact]
    public void ASusResponseMapsWithItsScoreAndTimes()
    {
        var entity = new ResponseEntity
        {
            Id = "r-1", SurveyId = "s-1", Kind = SurveyKind.Sus, Answers = [5, 1, 5, 1, 5, 1, 5, 1, 5, 1], SusScore = 100,
            RespondedAtMicros = 1_732_096_800_000_001, ReceivedAtMicros = 1_732_096_801_000_000, Tags = ["a"],
        };
        var contract = entity.Adapt<SurveyResponse>(Config);
        Assert.Equal(100, contract.SusScore);
        Assert.Null(contract.Category);
        Assert.Equal(new DateTimeOffset(2024, 11, 20, 10, 0, 0, TimeSpan.Zero).AddTicks(10), contract.RespondedAt);
        Assert.Equal(["a"], contract.Tags);
    }
}
