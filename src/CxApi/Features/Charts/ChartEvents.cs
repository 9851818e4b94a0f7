using CxApi.Common;
using CxApi.Common.Charts;
using CxApi.Features.Deployments;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;
using System.Globalization;

namespace CxApi.Features.Charts;

/// <summary>What a chart marks on its time axis: the incidents overlapping its range and the production deployments in it, of the services filtered on (all when none).</summary>
public static class ChartEvents
{
    /// <summary>More than this many of either is not drawn one by one in a chart's few hundred pixels; the newest are kept.</summary>
    public const int MaxEach = 500;

    public static async Task<(List<ChartSpan> Incidents, List<ChartTick> Deployments)> LoadAsync(
        CxDbContext db, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<string> services, CancellationToken ct)
    {
        var (start, end) = (UnixMicros.From(from), UnixMicros.From(to));
        var filters = services.Count > 0 ? new Dictionary<string, IReadOnlyList<string>> { ["service"] = services } : [];
        var incidents = await RecordKinds.Incidents.WhereDimensions(db.Incidents.AsNoTracking(), filters)
            .Where(i => i.StartedAtMicros < end && (i.ResolvedAtMicros == null || i.ResolvedAtMicros > start))
            .OrderByDescending(i => i.StartedAtMicros).Take(MaxEach)
            .Select(i => new { i.Title, i.Services, i.Severity, i.Impact, i.StartedAtMicros, i.ResolvedAtMicros })
            .ToListAsync(ct);
        var deployments = await RecordKinds.Deployments.WhereDimensions(db.Deployments.AsNoTracking(), filters)
            .Where(d => d.Environment == DeploymentRules.DefaultEnvironment && d.FinishedAtMicros >= start && d.FinishedAtMicros < end)
            .OrderByDescending(d => d.FinishedAtMicros).Take(MaxEach)
            .Select(d => new { d.Service, d.Release, d.Result, d.FinishedAtMicros })
            .ToListAsync(ct);

        return (
            [.. incidents.OrderBy(i => i.StartedAtMicros).Select(i => new ChartSpan(UnixMicros.ToDateTimeOffset(i.StartedAtMicros),
                i.ResolvedAtMicros is { } r ? UnixMicros.ToDateTimeOffset(r) : null, i.Impact, i.Services,
                $"{EnumText<IncidentSeverity>.ToText(i.Severity)} {EnumText<IncidentImpact>.ToText(i.Impact)}: {i.Title} ({string.Join(", ", i.Services)}), " +
                $"{Rfc3339.Format(UnixMicros.ToDateTimeOffset(i.StartedAtMicros))} to " +
                (i.ResolvedAtMicros is { } resolved ? Rfc3339.Format(UnixMicros.ToDateTimeOffset(resolved)) : "ongoing")))],
            [.. deployments.OrderBy(d => d.FinishedAtMicros).Select(d => new ChartTick(UnixMicros.ToDateTimeOffset(d.FinishedAtMicros),
                d.Result != DeploymentResult.Success,
                string.Create(CultureInfo.InvariantCulture,
                    $"Deployment of {d.Service}{(d.Release is null ? "" : " " + d.Release)} ({EnumText<DeploymentResult>.ToText(d.Result)}), " +
                    $"{Rfc3339.Format(UnixMicros.ToDateTimeOffset(d.FinishedAtMicros))}")))]);
    }
}
