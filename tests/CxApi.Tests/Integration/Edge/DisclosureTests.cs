using CxApi.Tests.Support;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CxApi.Tests.Integration.Edge;

/// <summary>Errors speak the API's language (parameters, JSON paths, expected types), and nothing names the server's internals.</summary>
public sealed partial class DisclosureTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>Texts of .NET and ASP.NET Core that a framework message would carry.</summary>
    [GeneratedRegex(@"System\.|Microsoft\.|CxApi\.|Nullable|`1|Did you mean to use|Int32|Int64|Double|Boolean|DateTimeOffset|JsonElement|IReadOnlyList|\.NET|Exception|<int>|<double>|<string>|parameter ""|Request request|could not be mapped|could not be converted")]
    private static partial Regex Internals();

    private static async Task<(HttpStatusCode Status, string Body)> AnswerAsync(HttpResponseMessage response) =>
        (response.StatusCode, await response.Content.ReadAsStringAsync());

    /// <summary>A 4xx RFC 9457 problem without internals; its <c>errors</c> has <paramref name="key"/> when given.</summary>
    private static async Task<JsonElement> AssertSpeaksTheApisLanguageAsync(HttpResponseMessage response, string what, string? key = null)
    {
        var (status, body) = await AnswerAsync(response);
        Assert.True((int)status is >= 400 and < 500, $"{what}: {(int)status} {body}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{what}: {response.Content.Headers.ContentType} {body}");
        Assert.False(Internals().IsMatch(body), $"{what} names internals: {body}");
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        if (key is not null)
            Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(key, out _), $"{what}: no error on '{key}': {body}");
        return problem;
    }

    [Fact]
    public async Task BindingErrorsNameTheParameterAndTheExpectedType()
    {
        var problem = await AssertSpeaksTheApisLanguageAsync(await _client.GetAsync("/v1/responses?limit=abc"), "limit=abc", "limit");
        Assert.Equal("must be an integer", problem.GetProperty("errors").GetProperty("limit")[0].GetString());
        problem = await AssertSpeaksTheApisLanguageAsync(await _client.GetAsync("/v1/metrics/reviews?priorMean=high"), "priorMean=high", "priorMean");
        Assert.Equal("must be a number", problem.GetProperty("errors").GetProperty("priorMean")[0].GetString());
        await AssertSpeaksTheApisLanguageAsync(await _client.GetAsync("/v1/responses?Limit=1.5"), "Limit=1.5", "limit");

        await AssertSpeaksTheApisLanguageAsync(await _client.PostAsync("/v1/responses", null), "no body", "$");
        await AssertSpeaksTheApisLanguageAsync(await _client.PostRawAsync("/v1/responses", ""), "an empty body", "$");
        await AssertSpeaksTheApisLanguageAsync(await _client.PostRawAsync("/v1/responses", "null"), "a null body", "$");
        await AssertSpeaksTheApisLanguageAsync(await _client.PostRawAsync("/v1/responses", "[]"), "an array body", "$");
        problem = await AssertSpeaksTheApisLanguageAsync(await _client.PostRawAsync("/v1/responses", "score=5", "text/plain"), "text/plain", "Content-Type");
        Assert.Equal(415, problem.GetProperty("status").GetInt32());
    }

    /// <summary>
    /// Walks the OpenAPI document: every numeric query parameter gets a word, every body gets no body, an empty one,
    /// a wrong media type, wrong JSON shapes, and each of its properties a value of the wrong JSON type.
    /// </summary>
    [Fact]
    public async Task NoBadBindingOnAnyEndpointAnswersWithFrameworkText()
    {
        var doc = await _client.GetOkAsync("/swagger/v1/swagger.json");
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var checkedCases = 0;

        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            var url = Regex.Replace(path.Name, @"\{[^}]+\}", "nonexistent");
            // A vendor's webhook checks that its integration is on and the signature before it reads the body: any
            // body is a problem (404 or 401) that names no field.
            var signed = path.Name.StartsWith("/v1/integrations/", StringComparison.Ordinal);
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                if (operation.Value.TryGetProperty("parameters", out var parameters))
                    foreach (var parameter in parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query"))
                    {
                        var type = TypeOf(parameter.GetProperty("schema"), schemas);
                        if (type is not ("integer" or "number")) continue;
                        var name = parameter.GetProperty("name").GetString()!;
                        var answer = await _client.SendAsync(new HttpRequestMessage(method, $"{url}?{name}=abc"));
                        await AssertSpeaksTheApisLanguageAsync(answer, $"{method} {url}?{name}=abc", name);
                        checkedCases++;
                    }

                if (!operation.Value.TryGetProperty("requestBody", out var requestBody)) continue;
                async Task SendAsync(string what, HttpContent? content, string? key)
                {
                    var answer = await _client.SendAsync(new HttpRequestMessage(method, url) { Content = content });
                    await AssertSpeaksTheApisLanguageAsync(answer, $"{method} {url} with {what}", signed ? null : key);
                    checkedCases++;
                }
                HttpContent Json(string body) => new StringContent(body, Encoding.UTF8, "application/json");

                // An optional body (a key rotation's) may be left out: the request is then answered as one without it.
                var absent = requestBody.TryGetProperty("required", out var required) && required.GetBoolean() ? "$" : null;
                await SendAsync("no body", null, absent);
                await SendAsync("an empty body", Json(""), absent);
                await SendAsync("null", Json("null"), absent);
                await SendAsync("an array", Json("[]"), "$");
                await SendAsync("a string", Json("\"x\""), "$");
                await SendAsync("a number", Json("42"), "$");
                await SendAsync("broken JSON", Json("{ \"a\": "), null);
                await SendAsync("text/plain", new StringContent("x=1", Encoding.UTF8, "text/plain"), "Content-Type");
                await SendAsync("a form", new FormUrlEncodedContent([new("x", "1")]), "Content-Type");

                var schema = Resolve(requestBody.GetProperty("content").EnumerateObject().First().Value.GetProperty("schema"), schemas);
                if (!schema.TryGetProperty("properties", out var properties)) continue;
                foreach (var property in properties.EnumerateObject())
                {
                    var wrong = TypeOf(property.Value, schemas) switch
                    {
                        "string" => "{}",
                        "integer" or "number" => "\"NaN?\"",
                        "boolean" => "\"yes\"",
                        "array" => "{}",
                        _ => "[1]",
                    };
                    await SendAsync($"{property.Name}: {wrong}", Json($$"""{ "{{property.Name}}": {{wrong}} }"""), property.Name);
                }
            }
        }
        Assert.True(checkedCases > 150, $"only {checkedCases} cases: the walk found too few endpoints");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task TheRealServerSendsNoServerHeader()
    {
        var path = CxApiFactory.NewDatabasePath();
        try
        {
            await using var server = await ServerProcess.StartAsync(path);
            using var anonymous = server.Client(apiKey: null);
            foreach (var answer in new[]
                     {
                         await anonymous.GetAsync("/health/live"),
                         await anonymous.GetAsync("/v1/surveys"),
                         await server.Client().GetAsync("/v1/surveys"),
                         await server.Client().GetAsync("/v1/responses?limit=abc"),
                         await anonymous.GetAsync("/no/such/path"),
                     })
                Assert.False(answer.Headers.Contains("Server"), $"{answer.RequestMessage!.RequestUri}: Server: {string.Join(",", answer.Headers.Server)}");
            await AssertSpeaksTheApisLanguageAsync(await server.Client().GetAsync("/v1/responses?limit=abc"), "limit=abc on the real server", "limit");
        }
        finally
        {
            CxApiFactory.DeleteDatabase(path);
        }
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas) =>
        schema.TryGetProperty("$ref", out var reference)
            ? Resolve(schemas.GetProperty(reference.GetString()!.Split('/')[^1]), schemas)
            : schema.TryGetProperty("allOf", out var all) && all.GetArrayLength() == 1 ? Resolve(all[0], schemas)
            : schema;

    /// <summary>The JSON type a schema describes (<c>"type": ["integer", "null"]</c> in OpenAPI 3.1 counts as integer).</summary>
    private static string? TypeOf(JsonElement schema, JsonElement schemas)
    {
        schema = Resolve(schema, schemas);
        if (!schema.TryGetProperty("type", out var type))
            return schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf)
                ? oneOf.EnumerateArray().Select(s => TypeOf(s, schemas)).FirstOrDefault(t => t is not null and not "null")
                : null;
        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null")
            : type.GetString();
    }
}
