using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Formats;
using CxApi.Common.Paging;
using CxApi.Features.Records;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Ingest;
using CxApi.Infrastructure.Records;
using FluentValidation;
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

    public static IEndpointRouteBuilder MapDeployments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Resource.Path).WithTags("Deployments").RequireAuthorization(Policies.ReadRecords);

        group.MapRecordRoutes<CreateDeploymentRequest, DeploymentListQuery, Deployment>(
            (CreateDeployment, "Record a deployment, rollback, configuration or flag change of a service"),
            (CreateDeploymentBatch, "Record up to 1,000 deployments in one transaction, with a result per item"),
            (ListDeployments, "List deployments, newest finished first, with filters"),
            (GetDeployment, "Get one deployment"),
            (DeleteDeployment, "Delete a deployment"));
        return app;
    }

    public static async Task<Results<Created<Deployment>, ProblemHttpResult>> CreateDeployment(
        CreateDeploymentRequest request, CxDbContext db, RecordIngest ingest, Caller caller, TimeProvider clock, TypeAdapterConfig mapping,
        HttpResponse response, CancellationToken ct)
    {
        var entity = request.ToEntity(caller, UnixMicros.From(clock.GetUtcNow()));
        return await RecordHandlers.CreateAsync(db, ingest, Resource, entity, d => d.Adapt<Deployment>(mapping), response, ct);
    }

    public static async Task<Ok<BatchResult>> CreateDeploymentBatch(
        BatchRequest batch, RecordBatches batches, IValidator<CreateDeploymentRequest> validator, Caller caller, TimeProvider clock, CancellationToken ct)
    {
        var now = UnixMicros.From(clock.GetUtcNow());
        return TypedResults.Ok(await batches.StoreAsync(batch, validator, (CreateDeploymentRequest d) => ValueTask.FromResult(d.ToEntity(caller, now)), ct));
    }

    public static async Task<Results<Ok<Page<Deployment>>, CsvResult>> ListDeployments(
        [AsParameters] DeploymentListQuery query, CxDbContext db, Caller caller, TypeAdapterConfig mapping, HttpResponse response, CancellationToken ct)
    {
        var filtered = RecordKinds.Deployments.WhereDimensions(db.Deployments.AsNoTracking().VisibleTo(caller), query)
            .InRange(d => d.FinishedAtMicros, query.FromMicros(), query.ToMicros());
        return await ListResults.PageAsync(filtered, d => d.FinishedAtMicros, rows => rows.ProjectToType<Deployment>(mapping),
            d => new Cursor(UnixMicros.From(d.FinishedAt), d.Id), query, response.HttpContext, ct);
    }

    public static Task<Results<Ok<Deployment>, ProblemHttpResult>> GetDeployment(
        string id, CxDbContext db, Caller caller, TypeAdapterConfig mapping, HttpResponse response, CancellationToken ct) =>
        RecordHandlers.GetAsync<DeploymentEntity, Deployment>(db, caller, Resource, id, d => d.Adapt<Deployment>(mapping), response, ct);

    public static Task<Results<NoContent, ProblemHttpResult>> DeleteDeployment(string id, CxDbContext db, Caller caller, CancellationToken ct) =>
        RecordHandlers.DeleteAsync<DeploymentEntity>(db, caller, Resource, id, ct);
}
