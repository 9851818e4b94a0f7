using CxApi.Common.Json;
using CxApi.Common.Problems;
using CxApi.Features.Alerts;
using System.Globalization;
using System.Text.Json;

namespace CxApi.Tests.Unit;

public sealed class FiniteNumberTests
{
    [Theory]
    [InlineData("1e309")]
    [InlineData("-1e309")]
    [InlineData("1E+309")]
    [InlineData("-0.1e400")]
    [InlineData("123456789e99999999")]
    [InlineData("17976931348623159e292")] // just past the largest double: it would round to infinity
    public void ANumberBeyondTheLargestDoubleIsAJsonErrorAtItsPath(string number)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<AlertCondition>($$"""{ "below": {{number}} }""", JsonSetup.Wire));
        Assert.Equal("$.below", error.Path);
        Assert.Equal(FiniteNumberConverter.Requirement, error.Message);
    }

    [Theory]
    [InlineData("1.7976931348623157e308")]
    [InlineData("-1.7976931348623157e308")]
    [InlineData("5e-324")]
    [InlineData("1e-400")]  // rounds to 0: finite, and what a double can say
    [InlineData("-0")]
    [InlineData("80")]
    public void FiniteNumbersReadAsTheNearestDouble(string number) =>
        Assert.Equal(double.Parse(number, CultureInfo.InvariantCulture),
            JsonSerializer.Deserialize<AlertCondition>($$"""{ "dropBy": {{number}} }""", JsonSetup.Wire)!.DropBy);

    [Fact]
    public void AStringIsStillTheSerializersMustBeANumber() =>
        Assert.StartsWith("The JSON value could not be converted",
            Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<AlertCondition>("""{ "below": "80" }""", JsonSetup.Wire)).Message);

    [Theory]
    [InlineData("""{ "condition": { "below": 1e309 } }""", "condition.below")]
    [InlineData("""{ "minResponses": 1e309 }""", "minResponses")]
    [InlineData("""{ "minResponses": "many" }""", "minResponses")]
    [InlineData("""{ "filters": { "channel": [1] } }""", "filters.channel[0]")]
    public void AnErrorInsideAPatchFieldKeepsItsFullPath(string patch, string path) =>
        Assert.Equal(path, JsonErrors.Describe(
            Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<UpdateAlertRuleRequest>(patch, JsonSetup.Wire)), typeof(UpdateAlertRuleRequest)).Path);
}
