using CxApi.Common;
using CxApi.Common.OpenApi;
using CxApi.Features.Metrics;
using CxApi.Features.Operations.Calculators;

namespace CxApi.Features.Operations;

/// <summary>
/// The change-metrics example, computed by the calculators: checkout-web in November 2026, 20 production deployments on
/// 14 days, three followed by an incident (restored in 40 min, 1 h 10 min and 2 h), one of 12 measurable ones a CX regression.
/// </summary>
public sealed class ChangeFiguresExamples : IOpenApiExamples
{
    private static readonly DateTimeOffset From = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), To = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public IReadOnlyDictionary<Type, Func<object>> Responses { get; } = new Dictionary<Type, Func<object>>
    {
        [typeof(MetricReport<ChangeFigures>)] = Example,
    };

    private static MetricReport<ChangeFigures> Example()
    {
        const long Hour = 3_600_000_000;
        var start = UnixMicros.From(From);
        ChangeRecord[] deployments = [.. Enumerable.Range(0, 20).Select(i => new ChangeRecord($"d{i}", "checkout-web", start + (i % 14) * 24 * Hour + 10 * Hour))];
        CausingIncident[] incidents =
        [
            new("i1", ["checkout-web"], IncidentImpact.Outage, deployments[2].FinishedAt + 2 * Hour, deployments[2].FinishedAt + 2 * Hour + 40 * 60_000_000L, null),
            new("i2", ["checkout-web"], IncidentImpact.Partial, deployments[7].FinishedAt + 5 * Hour, deployments[7].FinishedAt + 5 * Hour + 70 * 60_000_000L, null),
            new("i3", ["checkout-web"], IncidentImpact.Degraded, deployments[16].FinishedAt + 30 * Hour, deployments[16].FinishedAt + 32 * Hour, "d16"),
        ];
        bool?[] regressions = [.. Enumerable.Range(0, 20).Select(i => i < 12 ? i == 7 : (bool?)null)];
        var header = new MetricHeader("changes", From, To, new Dictionary<string, IReadOnlyList<string>> { ["service"] = ["checkout-web"] },
            null, ChangeFailures.Definition);
        return new MetricReport<ChangeFigures>(header, ChangeFigures.Of(deployments, incidents, regressions), null);
    }
}
