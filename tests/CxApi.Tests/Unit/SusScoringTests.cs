using CxApi.Features.Metrics.Calculators;

namespace CxApi.Tests.Unit;

public sealed class SusScoringTests
{
    [Theory]
    [InlineData(new[] { 3, 3, 3, 3, 3, 3, 3, 3, 3, 3 }, 50.0)]   // Brooke: neutral everywhere
    [InlineData(new[] { 5, 1, 5, 1, 5, 1, 5, 1, 5, 1 }, 100.0)]  // best possible
    [InlineData(new[] { 1, 5, 1, 5, 1, 5, 1, 5, 1, 5 }, 0.0)]    // worst possible
    [InlineData(new[] { 4, 3, 4, 2, 4, 2, 3, 3, 5, 1 }, 72.5)]   // agile-lab row 1: (3+2+3+3+3+3+2+2+4+4) × 2.5
    [InlineData(new[] { 5, 5, 5, 5, 5, 5, 5, 5, 5, 5 }, 50.0)]   // straight-lining scores neutral
    public void ScoresFollowBrooke(int[] answers, double expected) =>
        Assert.Equal(expected, SusScoring.Score(answers));

    [Theory]
    [InlineData(new[] { 3, 3, 3 })]
    [InlineData(new[] { 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3 })]
    public void AnythingButTenAnswersIsRefused(int[] answers) =>
        Assert.Throws<ArgumentException>(() => SusScoring.Score(answers));

    [Fact]
    public void AnAnswerOutsideOneToFiveIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SusScoring.Score([3, 3, 3, 3, 3, 3, 3, 3, 3, 6]));
}
