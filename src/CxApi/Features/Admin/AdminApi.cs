using CxApi.Common.Auth;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Rollups;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxApi.Features.Admin;

public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/admin").WithTags("Administration").RequireAuthorization(Policies.Admin);

        group.MapPost("/rollups/rebuild", RebuildRollups)
            .WithName(nameof(RebuildRollups)).WithSummary("Recompute every metric rollup from the stored records (one transaction)");
        group.MapGet("/rollups/verify", VerifyRollups)
            .WithName(nameof(VerifyRollups)).WithSummary("Compare the stored rollups with a fresh aggregation of the records");
        return app;
    }

    /// <summary>Progress is logged (category <c>CxApi.Features.Admin.RollupRebuild</c>) while the caller waits.</summary>
    public static async Task<Ok<RollupRebuild>> RebuildRollups(CxDbContext db, ILogger<RollupRebuild> log, CancellationToken ct) =>
        TypedResults.Ok(new RollupRebuild(await RollupStore.RebuildAsync(db, log, ct)));

    public static async Task<Ok<RollupCheck>> VerifyRollups(CxDbContext db, CancellationToken ct)
    {
        var differences = await RollupStore.VerifyAsync(db, ct);
        return TypedResults.Ok(new RollupCheck(differences.Values.All(d => d == 0), differences));
    }
}
