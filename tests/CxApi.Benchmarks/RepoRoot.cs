namespace CxApi.Benchmarks;

public static class RepoRoot
{
    /// <summary>The nearest folder holding CxApi.sln, above the current directory or else above this program.</summary>
    public static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "CxApi.sln"))) return dir.FullName;
        throw new InvalidOperationException("CxApi.sln not found above the current directory or the program's folder.");
    }
}
