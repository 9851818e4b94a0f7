using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Infrastructure;

/// <summary>Reads the retention job's purge horizons (<see cref="PurgeHorizonEntity"/>): resource name → first time still kept.</summary>
public static class PurgeHorizons
{
    public static async Task<IReadOnlyDictionary<string, long>> ReadAsync(CxDbContext db, CancellationToken ct) =>
        await db.Set<PurgeHorizonEntity>().AsNoTracking().ToDictionaryAsync(h => h.Resource, h => h.BeforeMicros, StringComparer.Ordinal, ct);
}
