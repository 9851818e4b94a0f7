using CxApi.Tests.Support;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CxApi.Tests.Integration;

/// <summary>
/// The OpenAPI document is the source of truth, and README.md and docs/*.md are held against it. Every field a JSON
/// example names (a <c>```json</c> block; a request body <c>-d '…'</c> or a commented <c># → …</c> answer in a shell
/// block; an inline <c>`{ … }`</c>) must be a property the document has, and the fields one example object names
/// together must belong to one schema: <c>{ "items": …, "nextToken": … }</c> for the changes feed fails although
/// both names exist elsewhere. Every documented URL must be a path of the document, and every query parameter it
/// names one that path takes.
/// </summary>
public sealed partial class DocsAgreeWithOpenApiTests
{
    /// <summary>Shapes the docs show that the document does not describe, because CxApi does not answer with them.</summary>
    private static readonly string[][] ShapesOutsideTheDocument =
    [
        // A webhook delivery: the body CxApi POSTs to a subscriber (Standard Webhooks), not a response of this API.
        ["type", "timestamp", "data"],
        // The last line of an NDJSON changes feed; the document describes the feed's JSON form.
        ["op", "nextToken", "hasMore"],
    ];

    /// <summary>
    /// Objects under these fields hold data, not field names: dimension filters, counts per score, messages per JSON
    /// path, and the rollup rebuild's and check's rows per table.
    /// </summary>
    private static readonly HashSet<string> FreeFormObjects = ["filters", "distribution", "errors", "rows", "differences"];

    /// <summary>
    /// Pages the README links to that another branch of issue 12 writes (docs/validation.md: h/mapster). Remove an
    /// entry once its page is merged.
    /// </summary>
    private static readonly HashSet<string> PagesStillToLand = [];

    private static readonly Lazy<Task<JsonNode>> Document = new(async () =>
    {
        using var factory = new CxApiFactory();
        return JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
    });

    [Fact]
    public async Task EveryFieldTheDocsShowIsOneTheOpenApiDocumentHas()
    {
        var shapes = Shapes(await Document.Value);
        var failures = new List<string>();
        var checkedObjects = 0;
        foreach (var (file, markdown) in DocFiles())
        {
            foreach (var (offset, snippet) in JsonSnippets(markdown))
            {
                foreach (var (at, keys) in ExampleObjects(snippet, offset))
                {
                    checkedObjects++;
                    failures.AddRange(Disagreements(keys, shapes).Select(problem => $"{file}:{LineOf(markdown, at)}: {problem}"));
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(checkedObjects >= 50, $"only {checkedObjects} example objects found: is the extraction still working?");
    }

    [Fact]
    public async Task EveryUrlTheDocsShowIsAPathOfTheOpenApiDocumentWithItsQueryParameters()
    {
        var paths = (await Document.Value)["paths"]!.AsObject();
        var failures = new List<string>();
        var checkedUrls = 0;
        foreach (var (file, markdown) in DocFiles())
        {
            foreach (Match url in DocumentedUrl().Matches(markdown))
            {
                checkedUrls++;
                var where = $"{file}:{LineOf(markdown, url.Index)}: {url.Value}";
                var matching = paths.Where(path => PathPattern(url.Groups["path"].Value).IsMatch(path.Key)).ToList();
                if (matching.Count == 0)
                {
                    failures.Add($"{where}: no such path in the OpenAPI document");
                    continue;
                }

                var taken = matching
                    .SelectMany(path => path.Value!.AsObject().Select(operation => operation.Value!["parameters"]?.AsArray() ?? []))
                    .SelectMany(parameters => parameters)
                    .Where(parameter => (string?)parameter!["in"] == "query")
                    .Select(parameter => (string)parameter!["name"]!)
                    .ToHashSet();
                foreach (var name in QueryNames(url.Groups["query"].Value).Where(name => !taken.Contains(name)))
                    failures.Add($"{where}: `{name}` is not a query parameter of {string.Join(", ", matching.Select(p => p.Key))}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(checkedUrls >= 20, $"only {checkedUrls} URLs found: is the extraction still working?");
    }

    [Fact]
    public async Task TheCheckFindsAFieldTheApiDoesNotHaveAndFieldsNoSchemaHasTogether()
    {
        var shapes = Shapes(await Document.Value);
        const string markdown = """
            The feed: `{ "changes": [{ "op": "upsert", "id": "…", "changedAt": "…" }], "nextToken": "…" }`.

            ```bash
            curl -s 'http://localhost:5080/v1/changes/responses'
            # → { "items": [ { "seq": 1, "op": "upsert" } ],
            #     "nextToken": "YzE6MQ" }
            ```
            """;

        var problems = JsonSnippets(markdown)
            .SelectMany(snippet => ExampleObjects(snippet.Text, snippet.Offset))
            .SelectMany(example => Disagreements(example.Keys, shapes))
            .ToList();

        Assert.Contains("`changedAt` is not a field of the API", problems);
        Assert.Contains(problems, problem => problem.StartsWith("no schema has all of items, nextToken", StringComparison.Ordinal));
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void EveryFileTheDocsLinkToOrNameExists()
    {
        var root = RepositoryRoot();
        var failures = new List<string>();
        var checkedPaths = 0;
        foreach (var (file, markdown) in DocFiles())
        {
            var folder = Path.GetDirectoryName(Path.Combine(root, file))!;
            var named = MarkdownLink().Matches(markdown).Select(link => (link.Index, Path.Combine(folder, link.Groups["target"].Value)))
                .Concat(RepositoryPath().Matches(markdown).Select(code => (code.Index, Path.Combine(root, code.Groups["path"].Value))))
                .Concat(SourcePath().Matches(markdown).Select(code => (code.Index, Path.Combine(root, "src/CxApi", code.Groups["path"].Value))));
            foreach (var (at, path) in named)
            {
                checkedPaths++;
                var relative = Path.GetRelativePath(root, Path.GetFullPath(path)).Replace('\\', '/');
                var exists = ExpandBraces(relative).Select(candidate => Path.Combine(root, candidate)).All(Path.Exists);
                if (!exists && !PagesStillToLand.Contains(relative))
                    failures.Add($"{file}:{LineOf(markdown, at)}: {relative} does not exist");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(checkedPaths >= 20, $"only {checkedPaths} paths found: is the extraction still working?");
    }

    /// <summary><c>Migrations/{Sqlite,Postgres}</c> names both folders; a <c>*</c> names its folder.</summary>
    private static IEnumerable<string> ExpandBraces(string path)
    {
        var glob = path.IndexOf('*', StringComparison.Ordinal);
        if (glob >= 0) return [path[..Math.Max(0, path.LastIndexOf('/', glob))]];
        var open = path.IndexOf('{', StringComparison.Ordinal);
        var close = path.IndexOf('}', StringComparison.Ordinal);
        if (open < 0 || close < open) return [path];
        return path[(open + 1)..close].Split(',').SelectMany(choice => ExpandBraces(path[..open] + choice + path[(close + 1)..]));
    }

    private static IEnumerable<string> Disagreements(List<string> keys, List<HashSet<string>> shapes)
    {
        var unknown = keys.Where(key => !shapes.Any(shape => shape.Contains(key))).ToList();
        foreach (var key in unknown) yield return $"`{key}` is not a field of the API";
        if (unknown.Count == 0 && !shapes.Any(shape => keys.All(shape.Contains)))
            yield return $"no schema has all of {string.Join(", ", keys)} (check the example's nesting)";
    }

    /// <summary>The property sets of every schema and of every example object in the document.</summary>
    private static List<HashSet<string>> Shapes(JsonNode document)
    {
        var shapes = ShapesOutsideTheDocument.Select(shape => shape.ToHashSet()).ToList();
        Collect(document, inExample: false);
        return shapes;

        void Collect(JsonNode? node, bool inExample)
        {
            switch (node)
            {
                case JsonObject json:
                    if (inExample) shapes.Add(json.Select(property => property.Key).ToHashSet());
                    else if (json["properties"] is JsonObject properties) shapes.Add(properties.Select(property => property.Key).ToHashSet());
                    foreach (var (name, value) in json) Collect(value, inExample || name is "example" or "examples");
                    break;
                case JsonArray array:
                    foreach (var item in array) Collect(item, inExample);
                    break;
            }
        }
    }

    private static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "CxApi.sln")))
            root = root.Parent ?? throw new InvalidOperationException("CxApi.sln not found above the test's base directory");
        return root.FullName;
    }

    private static IEnumerable<(string File, string Markdown)> DocFiles()
    {
        var root = RepositoryRoot();
        yield return ("README.md", File.ReadAllText(Path.Combine(root, "README.md")));
        foreach (var path in Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Order(StringComparer.Ordinal))
            yield return ($"docs/{Path.GetFileName(path)}", File.ReadAllText(path));
    }

    /// <summary>
    /// The texts that show JSON, each with its offset in the file: <c>```json</c> blocks; request bodies and comments in
    /// shell blocks (consecutive comment lines form one text while a brace or bracket is open); inline code that starts
    /// like an object (<c>`{ … }`</c>, <c>`ci95: { … }`</c>).
    /// </summary>
    private static IEnumerable<(int Offset, string Text)> JsonSnippets(string markdown)
    {
        foreach (Match fence in Fence().Matches(markdown))
        {
            var (language, body) = (fence.Groups["language"].Value, fence.Groups["body"]);
            if (language == "json") yield return (body.Index, body.Value);
            if (language is not ("bash" or "sh" or "shell")) continue;
            foreach (Match data in RequestBody().Matches(body.Value))
                yield return (body.Index + data.Groups["json"].Index, data.Groups["json"].Value);
            foreach (var (offset, text) in Comments(body.Value)) yield return (body.Index + offset, text);
        }

        var prose = Fence().Replace(markdown, fence => Blank(fence.Value));
        foreach (Match span in InlineCode().Matches(prose))
        {
            if (InlineObject().IsMatch(span.Groups["code"].Value)) yield return (span.Groups["code"].Index, span.Groups["code"].Value);
        }
    }

    /// <summary>The comments of a shell block, everything else blanked so that offsets stay those of the block.</summary>
    private static IEnumerable<(int Offset, string Text)> Comments(string shell)
    {
        var (start, lineStart) = (-1, 0);
        var comments = new StringBuilder();
        foreach (var line in shell.Split('\n'))
        {
            var hash = CommentStart().Match(line);
            var text = hash.Success ? line[(hash.Index + hash.Length)..] : null;
            if (start >= 0 && (text is null || Depth(comments.ToString()) == 0))
            {
                yield return (start, comments.ToString());
                start = -1;
                comments.Clear();
            }

            if (text is not null)
            {
                if (start < 0) start = lineStart + hash.Index + hash.Length;
                else comments.Append('\n').Append(' ', hash.Index + hash.Length);
                comments.Append(text);
            }

            lineStart += line.Length + 1;
        }

        if (start >= 0) yield return (start, comments.ToString());
    }

    /// <summary>
    /// Each object of a JSON-like example, with the field names it shows (quoted, or bare as in <c>{ name, kind? }</c>),
    /// tolerant of placeholders (<c>…</c>, <c>"…" | null</c>). Quoted fields outside any brace count when followed by a
    /// colon (a fragment such as <c>"metric": "nps", "window": "P7D"</c>). Names that are not identifiers (a JSON path, a
    /// score) and objects under <see cref="FreeFormObjects"/> are skipped.
    /// </summary>
    private static List<(int At, List<string> Keys)> ExampleObjects(string text, int offset)
    {
        var found = new List<(int At, List<string> Keys)>();
        var open = new Stack<(bool IsObject, string? Parent, int At, List<string> Keys)>();
        var current = (IsObject: true, Parent: (string?)null, At: offset, Keys: new List<string>());
        var (keyPosition, lastKey) = (true, (string?)null);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' || char.IsAsciiLetter(c) || c == '_')
            {
                var quoted = c == '"';
                var startOfName = quoted ? i + 1 : i;
                i = quoted ? EndOfString(text, startOfName) : EndOfIdentifier(text, i);
                var name = text[startOfName..(quoted ? i : i + 1)];
                var next = NextNonSpace(text, i + 1);
                var namesAField = keyPosition && current.IsObject
                                  && (next == ':' || (open.Count > 0 && (quoted || next is ',' or '}' or '?')));
                if (namesAField)
                {
                    // Outside any brace only a quoted name counts ("or: …" in a comment is prose), but a bare one still
                    // names what the next brace is for (`errors: { … }`).
                    lastKey = name;
                    if ((open.Count > 0 || quoted) && Identifier().IsMatch(name) && !current.Keys.Contains(name)) current.Keys.Add(name);
                }

                keyPosition = false;
                continue;
            }

            switch (c)
            {
                case '{' or '[':
                    var parent = current.IsObject ? lastKey : current.Parent;
                    open.Push(current);
                    current = (c == '{', parent, offset + i, []);
                    (keyPosition, lastKey) = (c == '{', null);
                    break;
                case '}' or ']' when open.Count > 0:
                    Record(current);
                    current = open.Pop();
                    (keyPosition, lastKey) = (false, null);
                    break;
                case ',':
                    keyPosition = current.IsObject;
                    break;
                case ':':
                    keyPosition = false;
                    break;
            }
        }

        Record(current);
        while (open.Count > 0) Record(open.Pop());
        return found;

        void Record((bool IsObject, string? Parent, int At, List<string> Keys) candidate)
        {
            if (candidate.IsObject && candidate.Keys.Count > 0 && !FreeFormObjects.Contains(candidate.Parent ?? ""))
                found.Add((candidate.At, candidate.Keys));
        }
    }

    /// <summary>How many braces and brackets are open at the end of <paramref name="text"/> (strings skipped).</summary>
    private static int Depth(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"') i = EndOfString(text, i + 1);
            else if (text[i] is '{' or '[') depth++;
            else if (text[i] is '}' or ']') depth = Math.Max(0, depth - 1);
        }

        return depth;
    }

    private static int EndOfString(string text, int start)
    {
        var i = start;
        while (i < text.Length && text[i] != '"' && text[i] != '\n') i += text[i] == '\\' ? 2 : 1;
        return Math.Min(i, text.Length - 1);
    }

    private static int EndOfIdentifier(string text, int start)
    {
        var i = start;
        while (i + 1 < text.Length && (char.IsAsciiLetterOrDigit(text[i + 1]) || text[i + 1] == '_')) i++;
        return i;
    }

    private static char NextNonSpace(string text, int start)
    {
        var i = start;
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i < text.Length ? text[i] : '\0';
    }

    /// <summary>
    /// A documented path as a pattern over the document's paths: <c>{a|b}</c> is either, <c>{name}</c> and
    /// <c>&lt;name&gt;</c> any segment.
    /// </summary>
    private static Regex PathPattern(string documented)
    {
        var segments = documented.Replace("\\", "", StringComparison.Ordinal).Split('/').Select(segment =>
            segment.StartsWith('{') && segment.Contains('|', StringComparison.Ordinal)
                ? "(" + string.Join('|', segment.Trim('{', '}').Split('|').Select(Regex.Escape)) + ")"
                : segment.StartsWith('{') || segment.StartsWith('<')
                    ? "[^/]+"
                    : "(" + Regex.Escape(segment) + "|\\{[^/]+\\})");
        return new Regex("^" + string.Join('/', segments) + "$");
    }

    private static IEnumerable<string> QueryNames(string query) =>
        query.Split('&').Select(part => part.Split('=')[0]).Where(name => Identifier().IsMatch(name)).Distinct();

    private static int LineOf(string markdown, int offset) => markdown.AsSpan(0, offset).Count('\n') + 1;

    private static string Blank(string text) => string.Concat(text.Select(c => c == '\n' ? '\n' : ' '));

    [GeneratedRegex(@"^```(?<language>\w*)[^\n]*\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"-d\s+'(?<json>[^']*)'")]
    private static partial Regex RequestBody();

    [GeneratedRegex(@"(^|\s)#\s?")]
    private static partial Regex CommentStart();

    [GeneratedRegex(@"`(?<code>[^`]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^\s*(\[?\{|[A-Za-z_]\w*:\s*[\[{])")]
    private static partial Regex InlineObject();

    /// <summary>A relative link: <c>[text](docs/bi.md)</c>, <c>[text](../README.md#section)</c>.</summary>
    [GeneratedRegex(@"\]\((?<target>(?![a-z]+:)[^)\s#]+)(#[^)]*)?\)")]
    private static partial Regex MarkdownLink();

    /// <summary>
    /// A repository path in code: <c>`tests/CxApi.Tests/Data`</c>, <c>`.ci/run`</c>. Placeholders (<c>&lt;Feature&gt;</c>)
    /// and the database the server creates at run time (<c>data/cx.db</c>) are no files of the repository.
    /// </summary>
    [GeneratedRegex(@"`(?<path>(src|tests|clients|http|docs|\.ci)/(?![^`]*[<…])(?![^`]*/data/)[^`\s]*)`")]
    private static partial Regex RepositoryPath();

    /// <summary>A source path relative to the project, as the docs write it: <c>`Common/Validation/ValidationFilter.cs`</c>.</summary>
    [GeneratedRegex(@"`(?<path>(Common|Features|Infrastructure|Metrics)/(?![^`]*[<…])[^`\s]*)`")]
    private static partial Regex SourcePath();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    /// <summary>A path with a query string, or a URL on the local server: <c>/v1/…?a=1&amp;b</c>, <c>http://localhost:5080/v1/…</c>.</summary>
    [GeneratedRegex(@"(?<path>/v1/[\w\-./{}<>|\\]*)\?(?<query>[^\s'""`),]*)|(?<=localhost:5080)(?<path>/v1/[\w\-./{}<>|\\]*)")]
    private static partial Regex DocumentedUrl();
}
