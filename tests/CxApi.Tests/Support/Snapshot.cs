using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CxApi.Tests.Support;

/// <summary>
/// A checked-in JSON file a test compares against (tests/CxApi.Tests/Snapshots). A difference fails with the first
/// lines that differ; <c>CX_UPDATE_SNAPSHOTS=1 dotnet test</c> writes the current value instead, for a change made on
/// purpose (then read the diff before committing it).
/// </summary>
public static class Snapshot
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Match(string name, JsonNode? actual, [CallerFilePath] string testFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(testFile)!, "..", "Snapshots", name);
        var text = actual?.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
        if (Environment.GetEnvironmentVariable("CX_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, text);
            return;
        }
        Assert.True(File.Exists(path), $"No snapshot {path}; run the tests with CX_UPDATE_SNAPSHOTS=1 to write it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected == text) return;
        var (e, a) = (expected.Split('\n'), text.Split('\n'));
        var first = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
        Assert.Fail($"{name} differs from its snapshot at line {first + 1}:\n" +
                    $"expected: {string.Join("\n          ", e.Skip(first).Take(6))}\n" +
                    $"actual:   {string.Join("\n          ", a.Skip(first).Take(6))}\n" +
                    "If the change is intended, run the tests with CX_UPDATE_SNAPSHOTS=1 and review the diff.");
    }
}
