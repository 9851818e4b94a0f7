namespace CxApi.Infrastructure.Entities;

/// <summary>
/// A change counter per service and UTC day. Every write that adds, changes or deletes a counted record (a response,
/// review or interaction) naming the service, with its time in the day, adds one in the write's own transaction
/// (<see cref="Rollups.FigureVersions"/>). A figure kept over a span that has ended stays true while the counters of
/// its days do not move. The row with an empty service at the earliest day moves on writes that may change any figure: a rollup
/// rebuild, a retention purge.
/// </summary>
public sealed class FigureVersionEntity
{
    public required string Service { get; init; }
    public long DayStartMicros { get; init; }
    public long Version { get; init; }
}
