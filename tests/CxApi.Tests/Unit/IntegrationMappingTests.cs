using CxApi.Common;
using CxApi.Features.Integrations;
using System.Text;

namespace CxApi.Tests.Unit;

/// <summary>How vendor data becomes CxApi's, and each vendor's signature format, as worked examples.</summary>
public sealed class IntegrationMappingTests
{
    [Theory]
    [InlineData("API Service", "PF9KMXH", "api-service")]
    [InlineData("My Mail Service", "PIJ90N7", "my-mail-service")]
    [InlineData("  Checkout / Payments (EU)  ", "P1", "checkout-payments-eu")]
    [InlineData("Zahlungs-API für Café", "P2", "zahlungs-api-f-r-caf")]
    [InlineData("***", "PXYZ", "pxyz")]
    [InlineData(null, "PABC", "pabc")]
    public void AnUnmappedPagerDutyServiceIsKeyedByItsNameLowerCasedWithRunsOfOtherCharactersAsOneDash(string? summary, string id, string key) =>
        Assert.Equal(key, PagerDutyMapping.ServiceKey(summary, id));

    [Theory]
    [InlineData("P1", "low", IncidentSeverity.Sev1, IncidentImpact.Outage)]
    [InlineData("P2", "high", IncidentSeverity.Sev2, IncidentImpact.Partial)]
    [InlineData("SEV-3", "high", IncidentSeverity.Sev3, IncidentImpact.Degraded)]
    [InlineData("p4", "high", IncidentSeverity.Sev4, IncidentImpact.Degraded)]
    [InlineData("P5", "high", IncidentSeverity.Sev4, IncidentImpact.Degraded)]
    [InlineData("Major", "high", IncidentSeverity.Sev2, IncidentImpact.Partial)] // a priority not named by number: the urgency
    [InlineData(null, "high", IncidentSeverity.Sev2, IncidentImpact.Partial)]
    [InlineData(null, "low", IncidentSeverity.Sev3, IncidentImpact.Degraded)]
    [InlineData(null, null, IncidentSeverity.Sev3, IncidentImpact.Degraded)]
    public void SeverityComesFromThePriorityElseTheUrgencyAndImpactFromTheSeverity(string? priority, string? urgency, IncidentSeverity severity, IncidentImpact impact)
    {
        Assert.Equal(severity, PagerDutyMapping.Severity(priority, urgency));
        Assert.Equal(impact, PagerDutyMapping.Impact(severity));
    }

    [Fact]
    public void EachVendorsSignatureMatchesOnlyInItsOwnForm()
    {
        var body = Encoding.UTF8.GetBytes("""{"event":{"id":"e-1"}}""");
        // HMAC-SHA256 of the body with the key "secret", computed outside .NET: openssl dgst -sha256 -hmac secret (-binary | base64).
        const string right = "7fdee8b21e2899f3a000509a8181f06c2283d54fc7d113ea3c3f4919dadae476";
        const string base64 = "f97osh4omfOgAFCagYHwbCKD1U/H0RPqPD9JGdra5HY=";
        var other = new string('0', 64);

        Assert.True(VendorSignatures.PagerDutyMatches($"v1={right}", "secret", body));
        Assert.True(VendorSignatures.PagerDutyMatches($"v1={other}, v1={right}", "secret", body)); // rotation: any one
        Assert.True(VendorSignatures.PagerDutyMatches($"v1={right.ToUpperInvariant()}", "secret", body)); // hex in either case
        Assert.False(VendorSignatures.PagerDutyMatches($"v1={other}", "secret", body));
        Assert.False(VendorSignatures.PagerDutyMatches($"v0={right}", "secret", body));
        Assert.False(VendorSignatures.PagerDutyMatches($"v1={right}", "other", body));
        Assert.False(VendorSignatures.PagerDutyMatches("", "secret", body));

        Assert.True(VendorSignatures.GitHubMatches($"sha256={right}", "secret", body));
        Assert.False(VendorSignatures.GitHubMatches($"v1={right}", "secret", body));
        Assert.False(VendorSignatures.GitHubMatches($"sha256={right[..^2]}", "secret", body));

        Assert.True(VendorSignatures.TypeformMatches($"sha256={base64}", "secret", body));
        Assert.False(VendorSignatures.TypeformMatches($"sha256={right}", "secret", body));
        Assert.False(VendorSignatures.TypeformMatches("sha256=not base64!", "secret", body));
    }
}
