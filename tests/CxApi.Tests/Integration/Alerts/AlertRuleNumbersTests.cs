using CxApi.Infrastructure.Entities;
using CxApi.Tests.Support;
using System.Net;
using System.Text;

namespace CxApi.Tests.Integration.Alerts;

/// <summary>A rule's numbers are finite and in range when stored, so every stored rule can be read back.</summary>
public sealed class AlertRuleNumbersTests
{
    private const string Valid = """{ "name": "CSAT watch", "metric": "csat", "window": "P7D", "condition": { "below": 80 } }""";

    private static readonly string[] RejectedRules =
    [
        """{ "name": "x", "metric": "csat", "window": "P7D", "condition": { "below": 1e309 } }""",
        """{ "name": "x", "metric": "csat", "window": "P7D", "condition": { "above": -1e309 } }""",
        """{ "name": "x", "metric": "csat", "window": "P7D", "condition": { "dropBy": 1e309, "vsPreviousWindow": true } }""",
        """{ "name": "x", "metric": "csat", "window": "P7D", "condition": { "below": 123456789e99999999 } }""",
        """{ "name": "x", "metric": "csat", "window": "P7D", "condition": { "dropBy": 0 } }""",
        """{ "name": "x", "metric": "csat", "window": "P7D", "condition": { "below": 80 }, "minResponses": 2147483648 }""",
        """{ "name": "x", "metric": "csat", "window": "P99999999999D", "condition": { "below": 80 } }""",
        """{ "name": "x", "metric": "csat", "window": "PT99999999999999999999S", "condition": { "below": 80 } }""",
        """{ "name": "x", "metric": "csat", "window": "P9999W99999DT999999H9999999M999999999S", "condition": { "below": 80 } }""",
    ];

    private static readonly string[] RejectedPatches =
    [
        """{ "condition": { "below": 1e309 } }""",
        """{ "condition": { "above": -1e309 } }""",
        """{ "condition": { "dropBy": 1e309 } }""",
        """{ "condition": { "dropBy": -1e309 } }""",
        """{ "minResponses": 1e309 }""",
        """{ "minResponses": 0 }""",
        """{ "window": "P99999999999D" }""",
    ];

    [Fact]
    public async Task TheRuleListJsonAndCsvAndTheRuleAnswer200AfterEveryRejectedCreateAndPatch()
    {
        using var factory = new CxApiFactory();
        var client = factory.CreateClient();
        var created = await client.PostRawAsync("/v1/alert-rules", Valid);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var rule = await created.JsonAsync();
        var stored = await client.GetStringAsync($"/v1/alert-rules/{rule.Id()}");

        foreach (var body in RejectedRules)
        {
            await (await client.PostRawAsync("/v1/alert-rules", body)).AssertProblemAsync(HttpStatusCode.BadRequest);
            await AssertReadableAsync(client, rule.Id(), stored, body);
        }
        foreach (var body in RejectedPatches)
        {
            var patch = await client.PatchAsync($"/v1/alert-rules/{rule.Id()}", new StringContent(body, Encoding.UTF8, "application/merge-patch+json"));
            await patch.AssertProblemAsync(HttpStatusCode.BadRequest);
            await AssertReadableAsync(client, rule.Id(), stored, body);
        }
        Assert.Equal(1, await factory.CountAsync<AlertRuleEntity>());
    }

    private static async Task AssertReadableAsync(HttpClient client, string id, string stored, string rejected)
    {
        var list = await client.GetOkAsync("/v1/alert-rules");
        Assert.True(list.GetProperty("items").GetArrayLength() == 1, $"after {rejected}: {list}");
        var csv = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/v1/alert-rules") { Headers = { { "Accept", "text/csv" } } });
        Assert.True(csv.StatusCode == HttpStatusCode.OK, $"after {rejected}: CSV list {(int)csv.StatusCode}");
        Assert.Equal(stored, await client.GetStringAsync($"/v1/alert-rules/{id}"));
        await client.GetOkAsync("/v1/alerts");
    }

    [Theory]
    [InlineData("below", "1.7976931348623157E+308")]
    [InlineData("above", "-1.7976931348623157E+308")]
    [InlineData("below", "5E-324")]
    [InlineData("dropBy", "5E-324")]
    [InlineData("dropBy", "1.7976931348623157E+308")]
    public async Task TheLargestAndSmallestFiniteThresholdsAreStoredAndReadBackExactly(string condition, string number)
    {
        using var factory = new CxApiFactory();
        var client = factory.CreateClient();
        var body = $$"""{ "name": "extreme", "metric": "nps", "window": "P1D", "condition": { "{{condition}}": {{number}} } }""";
        var created = await client.PostRawAsync("/v1/alert-rules", body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        var expected = double.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
        var rule = await client.GetOkAsync($"/v1/alert-rules/{(await created.JsonAsync()).Id()}");
        Assert.Equal(expected, rule.GetProperty("condition").GetProperty(condition).GetDouble());
        var listed = (await client.GetOkAsync("/v1/alert-rules")).GetProperty("items")[0];
        Assert.Equal(expected, listed.GetProperty("condition").GetProperty(condition).GetDouble());
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/v1/alert-rules/evaluate", null)).StatusCode);
    }
}
