using CxApi.Features.Metrics.Calculators;

namespace CxApi.Tests.Unit;

/// <summary>
/// Where a moment stands against a service's incidents. Times are hours after an origin; service "a" had an incident
/// [10 h, 12 h) and one [40 h, 41 h), "b" one started at 5 h and still ongoing, "a" and "c" share one [100 h, 101 h).
/// </summary>
public sealed class IncidentExposureTests
{
    private const long Hour = 3_600_000_000;

    private static readonly IncidentExposure Exposure = new(
    [
        (["a"], 10 * Hour, 12 * Hour),
        (["a"], 40 * Hour, 41 * Hour),
        (["b"], 5 * Hour, null),
        (["a", "c"], 100 * Hour, 101 * Hour),
    ]);

    [Theory]
    [InlineData("a", 9.99, IncidentProximity.Neither)]
    [InlineData("a", 10, IncidentProximity.During)]        // startedAt ≤ t
    [InlineData("a", 11.99, IncidentProximity.During)]
    [InlineData("a", 12, IncidentProximity.After)]         // t < resolvedAt: the end itself is after
    [InlineData("a", 35.99, IncidentProximity.After)]
    [InlineData("a", 36, IncidentProximity.Neither)]       // resolvedAt + 24 h is no longer after
    [InlineData("a", 40.5, IncidentProximity.During)]      // during the second beats after the first
    [InlineData("a", 41.5, IncidentProximity.After)]
    [InlineData("b", 4.99, IncidentProximity.Neither)]
    [InlineData("b", 5, IncidentProximity.During)]
    [InlineData("b", 10_000, IncidentProximity.During)]    // ongoing: during for good
    [InlineData("c", 100.5, IncidentProximity.During)]     // an incident counts for each service it lists
    [InlineData("c", 11, IncidentProximity.Neither)]
    [InlineData("d", 11, IncidentProximity.Neither)]       // a service without incidents
    [InlineData(null, 11, IncidentProximity.Neither)]      // a record without a service
    public void AMomentIsDuringAfterOrNeither(string? service, double hours, IncidentProximity expected) =>
        Assert.Equal(expected, Exposure.Of(service, (long)Math.Round(hours * Hour)));

    [Fact]
    public void TheServicesAreThoseAnIncidentLists() =>
        Assert.Equal(["a", "b", "c"], Exposure.Services.Order(StringComparer.Ordinal));
}
