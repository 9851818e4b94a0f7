using CxApi.Tests.Support;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CxApi.Tests.Integration.Integrations;

/// <summary>
/// The vendors' published samples (Data/vendors, sources in Data/SOURCES.md), copies of them with named members changed,
/// and the vendors' signatures, computed here as each vendor documents them (not with the server's code).
/// </summary>
public static class VendorSamples
{
    public static string Read(string file) => File.ReadAllText(TestData.PathOf(Path.Combine("vendors", file)));

    public static JsonNode Node(string file) => JsonNode.Parse(Read(file))!;

    /// <summary>
    /// A PagerDuty event made from the published <c>incident.priority_updated</c> sample: its type, id and time, the
    /// incident's id and status follow the event, and optionally its priority and service.
    /// </summary>
    public static string PagerDuty(string eventType, string eventId, string incidentId, DateTimeOffset occurredAt,
        string? priority = "P1", string? serviceId = null, string? createdAt = null)
    {
        var sample = Node("pagerduty-incident.priority_updated.json");
        var e = sample["event"]!;
        e["id"] = eventId;
        e["event_type"] = eventType;
        e["occurred_at"] = occurredAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        var data = e["data"]!;
        data["id"] = incidentId;
        data["status"] = eventType switch { "incident.acknowledged" => "acknowledged", "incident.resolved" => "resolved", _ => "triggered" };
        if (priority is null) data["priority"] = null;
        else data["priority"]!["summary"] = priority;
        if (serviceId is not null) data["service"]!["id"] = serviceId;
        if (createdAt is not null) data["created_at"] = createdAt;
        return sample.ToJsonString();
    }

    public static string PagerDutySignature(string secret, string body) => "v1=" + Convert.ToHexStringLower(Mac(secret, body));

    public static string GitHubSignature(string secret, string body) => "sha256=" + Convert.ToHexStringLower(Mac(secret, body));

    public static string TypeformSignature(string secret, string body) => "sha256=" + Convert.ToBase64String(Mac(secret, body));

    private static byte[] Mac(string secret, string body) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body));

    public static Task<HttpResponseMessage> PostPagerDutyAsync(this HttpClient client, string body, string? signature) =>
        client.PostSignedAsync("/v1/integrations/pagerduty", body, ("X-PagerDuty-Signature", signature));

    public static Task<HttpResponseMessage> PostGitHubAsync(this HttpClient client, string body, string eventName, string? delivery, string? signature) =>
        client.PostSignedAsync("/v1/integrations/github", body, ("X-Hub-Signature-256", signature), ("X-GitHub-Event", eventName),
            ("X-GitHub-Delivery", delivery));

    public static Task<HttpResponseMessage> PostTypeformAsync(this HttpClient client, string body, string? signature) =>
        client.PostSignedAsync("/v1/integrations/typeform", body, ("Typeform-Signature", signature));

    private static Task<HttpResponseMessage> PostSignedAsync(this HttpClient client, string url, string body, params (string Name, string? Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
            if (value is not null) request.Headers.TryAddWithoutValidation(name, value);
        return client.SendAsync(request);
    }
}
