using CxApi.Tests.Support;
using System.Net;

namespace CxApi.Tests.Integration.Integrations;

/// <summary>Without its secret in the settings an integration is off: 404 to everyone, however the request is signed.</summary>
public sealed class IntegrationsOffTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    [Fact]
    public async Task AnIntegrationWithoutASecretAnswers404AndStoresNothing()
    {
        var vendor = factory.CreateClient(apiKey: null);
        var pagerDuty = VendorSamples.Read("pagerduty-incident.priority_updated.json");
        var gitHub = VendorSamples.Read("github-deployment_status.json");
        var typeform = VendorSamples.Read("typeform-form_response.json");

        await (await vendor.PostPagerDutyAsync(pagerDuty, VendorSamples.PagerDutySignature("", pagerDuty))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await vendor.PostGitHubAsync(gitHub, "deployment_status", "d-1", VendorSamples.GitHubSignature("", gitHub)))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await vendor.PostTypeformAsync(typeform, VendorSamples.TypeformSignature("", typeform))).AssertProblemAsync(HttpStatusCode.NotFound);
        // An admin key changes nothing: the integration is off.
        await (await factory.CreateClient().PostPagerDutyAsync(pagerDuty, null)).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(0, await factory.CountAsync<CxApi.Infrastructure.Entities.IncidentEntity>());
        Assert.Equal(0, await factory.CountAsync<CxApi.Infrastructure.Entities.DeploymentEntity>());
        Assert.Equal(0, await factory.CountAsync<CxApi.Infrastructure.Entities.IntegrationDeliveryEntity>());
    }
}
