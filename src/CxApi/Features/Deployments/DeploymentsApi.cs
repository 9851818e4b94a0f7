using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Formats;
using CxApi.Common.Paging;
using CxApi.Features.Records;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Records;
using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Features.Deployments;

/// <summary>
/// Deployments: the releases, rollbacks, configuration and flag changes of IT services, recorded by CI/CD tools
/// so that what each did to customer experience can be measured against the records of its service.
/// </summary>
public static class DeploymentsApi
{
    private static readonly RecordResource Resource = new("deployment", "/v1/deployments");

    /// <summary>The <c>deployment.cx_regression</c> watch: a pass every <see cref="CxRegressionWatchOptions.Interval"/>.</summary>
    public static IServiceCollection AddCxRegressionWatch(this IServiceCollection services, IConfiguration configuration) => services
        .Configure<CxRegressionWatchOptions>(configuration.GetSection(CxRegressionWatchOptions.Section))
        .AddScoped<CxRegressionWatch>()
        .AddHostedService<CxRegressionScheduler>();

    public static IEndpointRouteBuilder MapDeployments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Resource.Path).WithTags("Deployments").RequireAuthorization(Policies.ReadRecords);

        group.MapRecordRoutes<CreateDeploymentRequest, DeploymentEntity, DeploymentListQuery, Deployment>(Resource, (d, caller, now) => d.ToEntity(caller, now),
            new RecordSummaries("Record a deployment, rollback, configuration or flag change of a service",
                "Record up to 1,000 deployments in one transaction, with a result per item",
                "List deployments, newest finished first, with filters", "Get one deployment", "Delete a deployment"),
            ListDeployments);
        return app;
    }

    public static async Task<Results<Ok<Page<Deployment>>, CsvResult>> ListDeployments(
        [AsParameters] DeploymentListQuery query, CxDbContext db, Caller caller, TypeAdapterConfig mapping, HttpResponse response, CancellationToken ct)
    {
        var filtered = RecordKinds.Deployments.WhereDimensions(db.Deployments.AsNoTracking().VisibleTo(caller), query)
            .InRange(d => d.FinishedAtMicros, query.FromMicros(), query.ToMicros());
        return await ListResults.PageAsync(filtered, d => d.FinishedAtMicros, rows => rows.ProjectToType<Deployment>(mapping),
            d => new Cursor(UnixMicros.From(d.FinishedAt), d.Id), query, response.HttpContext, ct);
    }
}
