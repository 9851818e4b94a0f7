using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CxApi.Client.Tests;

/// <summary>Where two JSON documents differ, each place named by its path (<c>paths['/v1/surveys'].post</c>).</summary>
internal static partial class JsonDifferences
{
    public static IEnumerable<string> Between(JsonNode? before, JsonNode? now, string path = "")
    {
        switch (before, now)
        {
            case (JsonObject a, JsonObject b):
                foreach (var (name, value) in a)
                {
                    var at = Member(path, name);
                    if (!b.ContainsKey(name))
                        yield return $"{at}: removed";
                    else
                        foreach (var difference in Between(value, b[name], at))
                            yield return difference;
                }
                foreach (var (name, _) in b)
                {
                    if (!a.ContainsKey(name)) yield return $"{Member(path, name)}: added";
                }
                break;
            case (JsonArray a, JsonArray b) when a.Count == b.Count:
                for (var i = 0; i < a.Count; i++)
                {
                    foreach (var difference in Between(a[i], b[i], $"{path}[{i}]"))
                        yield return difference;
                }
                break;
            default:
                if (!JsonNode.DeepEquals(before, now))
                    yield return $"{(path.Length == 0 ? "the document" : path)}: was {Show(before)}, is {Show(now)}";
                break;
        }
    }

    private static string Member(string path, string name) =>
        Identifier().IsMatch(name) ? (path.Length == 0 ? name : $"{path}.{name}") : $"{path}['{name}']";

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 120 ? text[..120] + "…" : text;
    }

    [GeneratedRegex(@"^[A-Za-z_$][\w$]*$")]
    private static partial Regex Identifier();
}
