using CxApi.Common;
using CxApi.Common.Validation;
using CxApi.Features.Deployments;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Ingest;
using FluentValidation;
using Microsoft.Extensions.Options;
using System.Globalization;
using Delivery = CxApi.Features.Integrations.IntegrationDeliveries.Delivery;

namespace CxApi.Features.Integrations;

/// <summary>
/// GitHub <c>deployment_status</c> events that end a deployment (success, failure, error) become deployments, through the
/// deployment ingest path: one per GitHub deployment (its id is the deployment's <c>externalId</c>), of the service the
/// repository maps to.
/// </summary>
public sealed class GitHubReceiver(
    CxDbContext db, RecordIngest ingest, IntegrationDeliveries deliveries, IValidator<CreateDeploymentRequest> validator,
    IServiceProvider services, TimeProvider clock, IOptionsMonitor<IntegrationsOptions> options)
{
    public const string Tool = "github";
    public const string DeploymentStatusEvent = "deployment_status";

    private static readonly Common.Auth.Caller Owner = IntegrationClients.For(Tool);

    /// <summary>The states that end a deployment, and how it ended; other states (pending, queued, in_progress) are ignored.</summary>
    public static DeploymentResult? ResultOf(string? state) => state switch
    {
        "success" => DeploymentResult.Success,
        "failure" or "error" => DeploymentResult.Failed,
        _ => null,
    };

    public async Task<IntegrationResult> ReceiveAsync(string deliveryId, GitHubWebhook webhook, DeploymentResult result, CancellationToken ct)
    {
        var (status, deployment, repository) = (webhook.DeploymentStatus, webhook.Deployment, webhook.Repository);
        var errors = new Dictionary<string, string[]>();
        if (status?.CreatedAt is null) errors["deployment_status.created_at"] = ["is required: when the deployment ended"];
        if (deployment?.Id is null) errors["deployment.id"] = ["is required"];
        if (string.IsNullOrWhiteSpace(repository?.Name)) errors["repository.name"] = ["is required: it names the service"];
        if (errors.Count > 0) return IntegrationResult.Invalid(errors);

        var externalId = deployment!.Id!.Value.ToString(CultureInfo.InvariantCulture);
        var delivery = new Delivery(Tool, deliveryId, externalId, status!.CreatedAt!.Value);
        return await deliveries.OnceAsync(delivery, "deployment", async () =>
        {
            var service = IntegrationClients.Find(options.CurrentValue.GitHub.Services, repository!.Name!) ?? repository.Name!;
            var finished = status.CreatedAt.Value;
            var request = new CreateDeploymentRequest(service, finished, ExternalId: externalId, Version: deployment.Sha,
                Environment: deployment.Environment ?? status.Environment, Kind: DeploymentKind.Deploy,
                StartedAt: deployment.CreatedAt <= finished ? deployment.CreatedAt : null, Result: result,
                Url: IntegrationClients.HttpUrl(status.TargetUrl, status.LogUrl, status.EnvironmentUrl));
            var validation = await validator.ValidateAsync(ValidationSetup.ContextFor(request, services), ct);
            if (!validation.IsValid) return IntegrationResult.Invalid(validation.ToDictionary());
            var entity = request.ToEntity(Owner, UnixMicros.From(clock.GetUtcNow()));
            return await ingest.InsertAsync(db, entity, ct) switch
            {
                InsertOutcome.Duplicate duplicate => IntegrationResult.Of(new IntegrationReceipt(IntegrationOutcome.Duplicate, "deployment",
                    duplicate.ExistingId, $"GitHub deployment {externalId} is recorded already; a later status of it changes nothing.")),
                _ => IntegrationResult.Of(new IntegrationReceipt(IntegrationOutcome.Created, "deployment", entity.Id,
                    $"GitHub deployment {externalId} of {repository.FullName ?? repository.Name} to '{request.Environment}' is recorded " +
                    $"as a deployment of '{service}' ({EnumText<DeploymentResult>.ToText(result)})."))
            };
        }, ct);
    }
}
