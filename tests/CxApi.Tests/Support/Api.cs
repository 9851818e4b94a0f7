using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CxApi.Tests.Support;

/// <summary>Small helpers that speak the public contract, so tests read like a client's code.</summary>
public static class Api
{
    public static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    public static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string body, string contentType = "application/json") =>
        client.PostAsync(url, new StringContent(body, Encoding.UTF8, contentType));

    public static async Task<JsonElement> PostOkAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {url} → {(int)response.StatusCode}: {json}");
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    /// <summary>POSTs <c>{ items }</c> to a batch endpoint; the answer must be a 200 (its body has a result per item).</summary>
    public static async Task<JsonElement> PostBatchAsync(this HttpClient client, string url, IEnumerable<object> items)
    {
        var response = await client.PostAsJsonAsync(url, new { items });
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {url} → {(int)response.StatusCode}: {json[..Math.Min(json.Length, 500)]}");
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    public static async Task<JsonElement> GetOkAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} → {(int)response.StatusCode}: {json}");
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    public static async Task<string> CreateSurveyAsync(this HttpClient client, string kind = "nps", bool active = true) =>
        (await client.PostOkAsync("/v1/surveys", new { name = $"{kind} survey", kind, active })).GetProperty("id").GetString()!;

    public static string Id(this JsonElement e) => e.GetProperty("id").GetString()!;

    /// <summary>Follows <c>nextCursor</c> through every page of a list.</summary>
    public static async Task<List<JsonElement>> ListAllAsync(this HttpClient client, string url, int limit = 100)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var separator = url.Contains('?') ? '&' : '?';
            var page = await client.GetOkAsync($"{url}{separator}limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);
        return items;
    }

    /// <summary>Asserts an RFC 9457 problem with the contract's members (and, for 400s, errors on each field).</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, params string[] errorFields)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        foreach (var member in new[] { "type", "title", "detail", "traceId" })
            Assert.False(string.IsNullOrEmpty(problem.GetProperty(member).GetString()), $"problem.{member} is empty: {body}");
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        foreach (var field in errorFields)
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages) && messages.GetArrayLength() > 0,
                $"no error for '{field}': {body}");
        return problem;
    }
}
