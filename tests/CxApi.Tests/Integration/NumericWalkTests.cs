using CxApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CxApi.Tests.Integration;

/// <summary>
/// Walks the live OpenAPI document: every numeric field of every JSON request body (recursively, batch items and
/// PATCH bodies included) and every numeric query parameter gets <c>1e309</c>, <c>-1e309</c> and the values just
/// outside the range the document gives it. Each is refused naming that field, and nothing is stored.
/// </summary>
public sealed class NumericWalkTests
{
    [Fact]
    public async Task EveryNumericBodyFieldRefusesInfinityAndValuesJustOutsideItsDocumentedRangeAndStoresNothing()
    {
        using var factory = new CxApiFactory();
        var client = factory.CreateClient();
        var doc = new OpenApiDocument(await client.GetOkAsync("/swagger/v1/swagger.json"));
        // The examples name a survey that does not exist here; responses go to a real one of the same kind.
        var exampleSurveyId = doc.Schema("Survey").GetProperty("example").GetProperty("id").GetString()!;
        var surveyId = await client.CreateSurveyAsync(doc.Schema("Survey").GetProperty("example").GetProperty("kind").GetString()!);

        var walked = new List<string>();
        foreach (var (path, method, operation) in doc.Operations())
        {
            if (!operation.TryGetProperty("requestBody", out var requestBody)) continue;
            // A vendor's payload is read as the vendor defines it, behind its signature: no documented ranges to walk.
            if (path.StartsWith("/v1/integrations/", StringComparison.Ordinal)) continue;
            var mediaType = method == "patch" ? "application/merge-patch+json" : "application/json";
            var schema = requestBody.GetProperty("content").GetProperty(mediaType).GetProperty("schema");
            var leaves = doc.NumericLeaves(schema).ToList();
            if (leaves.Count == 0) continue;

            var example = doc.Resolve(schema).GetProperty("example").GetRawText().Replace(exampleSurveyId, surveyId, StringComparison.Ordinal);
            var url = path.Contains("{id}", StringComparison.Ordinal) ? await CreateTargetAsync(client, doc, path, exampleSurveyId, surveyId) : path;
            var isBatch = path.EndsWith("/batch", StringComparison.Ordinal);
            foreach (var leaf in leaves)
            {
                foreach (var value in OutsideValues(leaf.Schema))
                {
                    var name = $"{method.ToUpperInvariant()} {path} {leaf.Path} = {value}";
                    var stored = await StoredAsync(factory, client, method == "patch" ? url : null);
                    var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
                    {
                        Content = new StringContent(WithNumber(example, leaf.Segments, value), Encoding.UTF8, mediaType),
                    });
                    if (isBatch)
                    {
                        // A batch answers per item: the item is invalid, naming its field, and is not stored.
                        var body = await response.Content.ReadAsStringAsync();
                        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {(int)response.StatusCode} {body}");
                        var item = JsonDocument.Parse(body).RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("index").GetInt32() == 0);
                        Assert.True(item.GetProperty("status").GetString() == "invalid" && item.GetProperty("errors").TryGetProperty(leaf.Path, out _),
                            $"{name}: {body}");
                    }
                    else
                    {
                        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
                        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(leaf.Path, out _), $"{name}: {problem}");
                    }
                    Assert.Equal(stored, await StoredAsync(factory, client, method == "patch" ? url : null));
                    walked.Add($"{method} {path} {leaf.Path}");
                }
            }
        }

        // The walk reached the fields of the finding and every kind of body: single, batch item, nested, array item, PATCH.
        foreach (var field in new[]
                 {
                     "post /v1/alert-rules condition.below", "post /v1/alert-rules condition.above", "post /v1/alert-rules condition.dropBy",
                     "post /v1/alert-rules minResponses", "patch /v1/alert-rules/{id} condition.below", "patch /v1/alert-rules/{id} condition.dropBy",
                     "patch /v1/alert-rules/{id} minResponses", "post /v1/responses score", "post /v1/responses answers[0]",
                     "post /v1/responses/batch items[0].score", "post /v1/reviews rating", "post /v1/reviews/batch items[0].rating",
                     "post /v1/interactions contactCount", "post /v1/interactions/batch items[0].contactCount", "patch /v1/interactions/{id} contactCount",
                 })
            Assert.Contains(field, walked);
    }

    [Fact]
    public async Task EveryNumericQueryParameterHasADocumentedRangeAndRefusesInfinityAndValuesJustOutsideIt()
    {
        using var factory = new CxApiFactory();
        var client = factory.CreateClient();
        var doc = new OpenApiDocument(await client.GetOkAsync("/swagger/v1/swagger.json"));

        var walked = new HashSet<string>();
        foreach (var (path, method, operation) in doc.Operations())
        {
            if (!operation.TryGetProperty("parameters", out var parameters)) continue;
            foreach (var parameter in parameters.EnumerateArray())
            {
                var name = parameter.GetProperty("name").GetString()!;
                if (parameter.GetProperty("in").GetString() != "query" || !OpenApiDocument.IsNumeric(parameter.GetProperty("schema"))) continue;
                var schema = parameter.GetProperty("schema");
                Assert.True(schema.TryGetProperty("minimum", out _) || schema.TryGetProperty("exclusiveMinimum", out _), $"{method} {path} {name}: no minimum");
                Assert.True(schema.TryGetProperty("maximum", out _) || schema.TryGetProperty("exclusiveMaximum", out _), $"{method} {path} {name}: no maximum");

                var url = System.Text.RegularExpressions.Regex.Replace(path, @"\{[^}]+\}", "x");
                foreach (var value in OutsideValues(schema))
                {
                    var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"{url}?{name}={Uri.EscapeDataString(value)}"));
                    Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path}?{name}={value}: {(int)response.StatusCode}");
                    var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
                    Assert.True(Names(problem, name), $"{method} {path}?{name}={value}: the problem does not name '{name}': {problem}");
                }
                walked.Add(name);
            }
        }
        Assert.Superset(new HashSet<string> { "limit", "slaSeconds", "priorMean", "priorWeight", "minRating", "maxRating" }, walked);
    }

    /// <summary>
    /// A field error (<c>errors.limit</c>), or, for a value the query binding could not parse at all (an integer given
    /// <c>1e309</c>), a problem whose detail names the parameter.
    /// </summary>
    private static bool Names(JsonElement problem, string field) =>
        (problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _))
        || problem.GetProperty("detail").GetString()!.Contains(field, StringComparison.OrdinalIgnoreCase);

    /// <summary>±1e309, and just below the minimum and just above the maximum the schema documents.</summary>
    private static IEnumerable<string> OutsideValues(JsonElement schema)
    {
        yield return "1e309";
        yield return "-1e309";
        var integer = OpenApiDocument.Types(schema).Contains("integer");
        if (Bound(schema, "minimum", "exclusiveMinimum") is var (min, exclusiveMin))
            yield return exclusiveMin ? Number(min) : integer ? Number(min - 1) : Number(Math.BitDecrement(min));
        if (Bound(schema, "maximum", "exclusiveMaximum") is var (max, exclusiveMax))
            yield return exclusiveMax ? Number(max) : integer ? Number(max + 1) : Number(Math.BitIncrement(max));
    }

    /// <summary>OpenAPI 3.0 writes <c>minimum</c> with <c>exclusiveMinimum: true</c>; 3.1 writes <c>exclusiveMinimum: x</c>.</summary>
    private static (double Value, bool Exclusive)? Bound(JsonElement schema, string inclusive, string exclusive)
    {
        var flag = schema.TryGetProperty(exclusive, out var e) ? e : default;
        if (flag.ValueKind == JsonValueKind.Number) return (flag.GetDouble(), true);
        return schema.TryGetProperty(inclusive, out var bound) ? (bound.GetDouble(), flag.ValueKind == JsonValueKind.True) : null;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary><paramref name="json"/> with the number at <paramref name="segments"/> (made where missing) set to the literal <paramref name="number"/>.</summary>
    private static string WithNumber(string json, IReadOnlyList<object> segments, string number)
    {
        const string placeholder = "__the_number__";
        var root = JsonNode.Parse(json)!;
        JsonNode parent = root;
        for (var i = 0; i < segments.Count; i++)
        {
            JsonNode? child = i + 1 < segments.Count ? (segments[i + 1] is int ? new JsonArray() : new JsonObject()) : placeholder;
            switch (segments[i])
            {
                case string name:
                    var obj = parent.AsObject();
                    if (i + 1 < segments.Count && obj[name] is { } existing) child = existing;
                    else obj[name] = child;
                    break;
                default:
                    var array = parent.AsArray();
                    if (i + 1 < segments.Count && array.Count > 0) child = array[0];
                    else if (array.Count > 0) array[0] = child;
                    else array.Add(child);
                    break;
            }
            parent = child!;
        }
        return root.ToJsonString().Replace(JsonSerializer.Serialize(placeholder), number, StringComparison.Ordinal);
    }

    /// <summary>A resource for a PATCH of <paramref name="path"/>, made by POSTing its collection's create example.</summary>
    private static async Task<string> CreateTargetAsync(HttpClient client, OpenApiDocument doc, string path, string exampleSurveyId, string surveyId)
    {
        var collection = path[..path.IndexOf("/{id}", StringComparison.Ordinal)];
        var create = doc.Operation(collection, "post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var example = doc.Resolve(create).GetProperty("example").GetRawText().Replace(exampleSurveyId, surveyId, StringComparison.Ordinal);
        var created = await client.PostRawAsync(collection, example);
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"POST {collection}: {await created.Content.ReadAsStringAsync()}");
        return $"{collection}/{(await created.JsonAsync()).Id()}";
    }

    /// <summary>How many rows every table holds, and the PATCHed resource as a GET returns it.</summary>
    private static async Task<string> StoredAsync(CxApiFactory factory, HttpClient client, string? resource)
    {
        var counts = await factory.WithDbAsync(async db =>
        {
            var rows = new List<string>();
            foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order())
            {
                var sql = $"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"";
                rows.Add($"{table}={await db.Database.SqlQueryRaw<long>(sql).SingleAsync()}");
            }
            return string.Join(", ", rows);
        });
        return resource is null ? counts : $"{counts}; {await client.GetStringAsync(resource)}";
    }

    /// <summary>The parts of the document the walk reads: operations, schemas (through <c>$ref</c>) and their numeric leaves.</summary>
    private sealed class OpenApiDocument(JsonElement doc)
    {
        public IEnumerable<(string Path, string Method, JsonElement Operation)> Operations() =>
            doc.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(o => (p.Name, o.Name, o.Value)));

        public JsonElement Operation(string path, string method) => doc.GetProperty("paths").GetProperty(path).GetProperty(method);

        public JsonElement Schema(string name) => doc.GetProperty("components").GetProperty("schemas").GetProperty(name);

        public JsonElement Resolve(JsonElement schema) =>
            schema.TryGetProperty("$ref", out var reference) ? Schema(reference.GetString()!.Split('/')[^1])
            : schema.TryGetProperty("allOf", out var all) && all.GetArrayLength() == 1 ? Resolve(all[0])
            : schema;

        public static IReadOnlyList<string> Types(JsonElement schema) =>
            !schema.TryGetProperty("type", out var type) ? []
            : type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)]
            : [type.GetString()!];

        public static bool IsNumeric(JsonElement schema) => Types(schema).Any(t => t is "integer" or "number");

        /// <summary>Every numeric property below <paramref name="schema"/>: through objects, <c>$ref</c>s and array items (index 0).</summary>
        public IEnumerable<Leaf> NumericLeaves(JsonElement schema, IReadOnlyList<object>? at = null)
        {
            at ??= [];
            var resolved = Resolve(schema);
            if (IsNumeric(resolved))
            {
                yield return new Leaf(at, resolved);
                yield break;
            }
            if (resolved.TryGetProperty("items", out var items))
                foreach (var leaf in NumericLeaves(items, [.. at, 0])) yield return leaf;
            if (resolved.TryGetProperty("properties", out var properties))
                foreach (var property in properties.EnumerateObject())
                    foreach (var leaf in NumericLeaves(property.Value, [.. at, property.Name])) yield return leaf;
        }
    }

    /// <summary>A numeric field, its path as the problem's <c>errors</c> key (<c>items[0].score</c>) and its schema.</summary>
    private sealed record Leaf(IReadOnlyList<object> Segments, JsonElement Schema)
    {
        public string Path => string.Concat(Segments.Select((s, i) => s is int n ? $"[{n}]" : i == 0 ? (string)s : $".{s}"));
    }
}
