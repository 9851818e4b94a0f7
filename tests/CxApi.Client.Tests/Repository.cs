namespace CxApi.Client.Tests;

/// <summary>Files of the repository this test assembly was built from.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "CxApi.sln")))
            root = root.Parent ?? throw new InvalidOperationException("CxApi.sln not found above the test's base directory");
        return root.FullName;
    }
}
