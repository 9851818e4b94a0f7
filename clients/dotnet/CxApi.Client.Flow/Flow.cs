using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CxApi.Client.Flow;

/// <summary>Runs the steps in order and stops at the first failure (unless told to keep going).</summary>
internal sealed class Flow(RecordingHandler recorder, bool keepGoing)
{
    private int _passed;
    private int _failed;

    public async Task Step(string name, Func<Task> body)
    {
        if (_failed > 0 && !keepGoing)
        {
            return;
        }
        try
        {
            await body();
            _passed++;
            Console.WriteLine($"ok - {name}");
        }
#pragma warning disable CA1031 // every failure of a step is reported the same way, whatever its type
        catch (Exception error)
#pragma warning restore CA1031
        {
            _failed++;
            Console.WriteLine($"not ok - {name}");
            Console.WriteLine($"  why: {Describe(error)}");
            if (recorder.Last is { } last)
            {
                Console.WriteLine($"  last request: {last.Method} {last.Uri} {last.Body}");
            }
        }
    }

    public int Finish()
    {
        Console.WriteLine($"{_passed} passed, {_failed} failed");
        return _failed == 0 ? 0 : 1;
    }

    private static string Describe(Exception error)
    {
        var text = new StringBuilder();
        for (var e = error; e != null; e = e.InnerException)
        {
            if (text.Length > 0)
            {
                text.Append(" ← ");
            }
            text.Append(e.GetType().Name).Append(": ").Append(e is CxApiException api ? api.Message.Split('\n')[0] : e.Message);
            if (e is CxApiException { Response: { Length: > 0 } response } withBody && withBody.StatusCode is < 200 or >= 300)
            {
                text.Append(" [body: ").Append(response.Length > 600 ? response[..600] + "…" : response).Append(']');
            }
        }
        return text.ToString();
    }
}

internal sealed class CheckFailedException(string message) : Exception(message);

internal static class Check
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static void That(bool ok, string what, object? actual)
    {
        if (!ok)
        {
            throw new CheckFailedException($"expected {what}; got {Show(actual)}");
        }
    }

    public static void Status(SwaggerResponse response, int expected) =>
        That(response.StatusCode == expected, $"status {expected}", response.StatusCode);

    /// <summary>The header's single value, which must be <paramref name="expected"/>.</summary>
    public static string Header(SwaggerResponse response, string name, string expected)
    {
        var value = response.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        That(value == expected, $"header {name}: {expected}", value);
        return value!;
    }

    /// <summary>The value of a JSON property as the server sent it (after the client read it) must be <paramref name="expected"/>.</summary>
    public static void Json(object body, string property, string? expected)
    {
        var node = JsonSerializer.SerializeToNode(body)?[property];
        var actual = node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node?.ToJsonString();
        That(actual == expected, $"\"{property}\": {(expected == null ? "null" : $"\"{expected}\"")}", actual);
    }

    /// <summary>The last request's body must not contain <paramref name="property"/> at its top level.</summary>
    public static void BodyLacks(RecordingHandler recorder, string property)
    {
        var body = recorder.Last?.Body;
        var json = body == null ? null : JsonNode.Parse(body) as JsonObject;
        That(json != null && !json.ContainsKey(property), $"a request body without \"{property}\"", body);
    }

    /// <summary>The last request's body must be exactly this JSON (compared as parsed JSON).</summary>
    public static void BodyIs(RecordingHandler recorder, string expected)
    {
        var body = recorder.Last?.Body;
        That(body != null && JsonNode.DeepEquals(JsonNode.Parse(body), JsonNode.Parse(expected)), $"the request body {expected}", body);
    }

    public static async Task<T> Throws<T>(Func<Task> call) where T : Exception
    {
        try
        {
            await call();
        }
        catch (T expected)
        {
            return expected;
        }
        throw new CheckFailedException($"expected {typeof(T).Name}; the call succeeded");
    }

    private static string Show(object? value)
    {
        if (value is null or string or int or long or double or bool)
        {
            return value?.ToString() ?? "null";
        }
        try
        {
            var text = JsonSerializer.Serialize(value, Compact);
            return text.Length > 800 ? text[..800] + "…" : text;
        }
        catch (NotSupportedException)
        {
            return value.ToString() ?? "";
        }
    }
}

internal sealed record RecordedRequest(HttpMethod Method, Uri? Uri, string? Body);

/// <summary>Keeps the last request sent, so a step can check what the generated client put on the wire.</summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    public RecordedRequest? Last { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content == null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Last = new RecordedRequest(request.Method, request.RequestUri, body);
        return await base.SendAsync(request, cancellationToken);
    }
}
