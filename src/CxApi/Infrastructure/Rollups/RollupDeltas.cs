using CxApi.Common;
using CxApi.Infrastructure.Entities;
using CxApi.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CxApi.Infrastructure.Rollups;

/// <summary>
/// What a SaveChanges does to the rollups: for each added, deleted or changed record, ±1 in its hour and
/// its UTC day, for the total and for each of its dimension values. Computed from the change tracker
/// before saving (a change needs its original values) and written in the same transaction.
/// </summary>
public sealed class RollupDeltas
{
    public static readonly int[] SlotSizes = [3600, 86400];
    public const long DefaultSlaMicros = (long)(InteractionCalculator.DefaultSlaSeconds * 1_000_000);

    public Dictionary<(SurveyKind Kind, string Dimension, string Value, int Slot, long Start, string SurveyId, double Score), long> Responses { get; } = [];
    public Dictionary<(string Dimension, string Value, int Slot, long Start, int Rating), long> Reviews { get; } = [];
    public Dictionary<(string Dimension, string Value, int Slot, long Start), InteractionSums> Interactions { get; } = [];
    public Dictionary<(string Dimension, string Value, int Slot, long Start, int Which, int Bin), long> Bins { get; } = [];

    public static RollupDeltas From(ChangeTracker tracker)
    {
        var deltas = new RollupDeltas();
        foreach (var entry in tracker.Entries<RecordEntity>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    deltas.Add(entry.Entity, +1);
                    break;
                case EntityState.Deleted:
                    deltas.Add((RecordEntity)entry.OriginalValues.ToObject(), -1);
                    break;
                case EntityState.Modified:
                    deltas.Add((RecordEntity)entry.OriginalValues.ToObject(), -1);
                    deltas.Add(entry.Entity, +1);
                    break;
            }
        }
        deltas.DropZeros();
        return deltas;
    }

    public void Add(RecordEntity record, int sign)
    {
        switch (record)
        {
            case ResponseEntity r:
                var score = r.Kind == SurveyKind.Sus ? r.SusScore!.Value : r.Score!.Value;
                foreach (var (slot, start) in Slots(r.RespondedAtMicros))
                    foreach (var (dimension, value) in Marginals(r))
                        Bump(Responses, (r.Kind, dimension, value, slot, start, r.SurveyId, score), sign);
                break;
            case ReviewEntity v:
                foreach (var (slot, start) in Slots(v.PublishedAtMicros))
                    foreach (var (dimension, value) in Marginals(v))
                        Bump(Reviews, (dimension, value, slot, start, v.Rating), sign);
                break;
            case InteractionEntity i:
                var sums = InteractionSums.Of(i, sign);
                foreach (var (slot, start) in Slots(i.OpenedAtMicros))
                    foreach (var (dimension, value) in Marginals(i))
                    {
                        Interactions[(dimension, value, slot, start)] = Interactions.GetValueOrDefault((dimension, value, slot, start)) + sums;
                        if (i.FirstResponseBin is { } f) Bump(Bins, (dimension, value, slot, start, 0, f), sign);
                        if (i.ResolutionBin is { } b) Bump(Bins, (dimension, value, slot, start, 1, b), sign);
                    }
                break;
        }
    }

    /// <summary>The rows a record counts in: the total, then one per dimension (missing values as "").</summary>
    public static IEnumerable<(string Dimension, string Value)> Marginals(RecordEntity record) => record switch
    {
        ResponseEntity r => [("", ""), ("channel", Text(r.Channel)), ("product", r.Product ?? ""), ("region", r.Region ?? ""),
            .. r.Tags.Select(t => ("tag", t))],
        ReviewEntity v => [("", ""), ("source", v.Source), ("product", v.Product ?? ""), ("region", v.Region ?? "")],
        InteractionEntity i => [("", ""), ("channel", EnumText<Channel>.ToText(i.Channel)), ("product", i.Product ?? ""),
            ("region", i.Region ?? ""), ("team", i.Team ?? ""), ("type", i.Type), .. i.Tags.Select(t => ("tag", t))],
        _ => [],
    };

    private static string Text(Channel? channel) => channel is { } c ? EnumText<Channel>.ToText(c) : "";

    private static IEnumerable<(int Slot, long Start)> Slots(long micros) =>
        SlotSizes.Select(s => (s, micros - micros % (s * 1_000_000L)));

    private static void Bump<TKey>(Dictionary<TKey, long> counts, TKey key, int sign) where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + sign;

    private void DropZeros()
    {
        foreach (var key in Responses.Where(p => p.Value == 0).Select(p => p.Key).ToList()) Responses.Remove(key);
        foreach (var key in Reviews.Where(p => p.Value == 0).Select(p => p.Key).ToList()) Reviews.Remove(key);
        foreach (var key in Interactions.Where(p => p.Value.IsZero).Select(p => p.Key).ToList()) Interactions.Remove(key);
        foreach (var key in Bins.Where(p => p.Value == 0).Select(p => p.Key).ToList()) Bins.Remove(key);
    }
}

/// <summary>An interaction's contribution to its rollup rows (negated when it is removed).</summary>
public readonly record struct InteractionSums(
    long Count, long Resolved, long ResolvedFirstContact, long Escalated, long Abandoned, long WithFirstResponse,
    long WithinDefaultSla, long FirstResponseMicros, long ResolutionMicros)
{
    public bool IsZero => this == default;

    public static InteractionSums Of(InteractionEntity i, int sign)
    {
        var resolved = i.Status == InteractionStatus.Resolved;
        var firstResponse = i.FirstResponseAtMicros - i.OpenedAtMicros;
        return new InteractionSums(
            sign,
            resolved ? sign : 0,
            resolved && i.ContactCount == 1 ? sign : 0,
            i.Escalated ? sign : 0,
            i.Status == InteractionStatus.Abandoned ? sign : 0,
            firstResponse is null ? 0 : sign,
            firstResponse <= RollupDeltas.DefaultSlaMicros ? sign : 0,
            sign * (firstResponse ?? 0),
            sign * (i.ResolvedAtMicros - i.OpenedAtMicros ?? 0));
    }

    public static InteractionSums operator +(InteractionSums a, InteractionSums b) => new(
        a.Count + b.Count, a.Resolved + b.Resolved, a.ResolvedFirstContact + b.ResolvedFirstContact, a.Escalated + b.Escalated,
        a.Abandoned + b.Abandoned, a.WithFirstResponse + b.WithFirstResponse, a.WithinDefaultSla + b.WithinDefaultSla,
        a.FirstResponseMicros + b.FirstResponseMicros, a.ResolutionMicros + b.ResolutionMicros);
}
