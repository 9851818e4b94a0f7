using CxApi.Tests.Support;
using System.Net;

namespace CxApi.Tests.Integration.Access;

[Collection(nameof(ConsoleCapture))]
public sealed class BootstrapTests
{
    [Fact]
    public async Task WithoutABootstrapKeyTheFirstStartPrintsAWorkingAdminKeyOnceAndTheSecondPrintsNone()
    {
        var path = CxApiFactory.NewDatabasePath();
        try
        {
            var (firstOutput, firstStatus) = await StartAsync(path);
            Assert.Contains("shown only this once", firstOutput);
            Assert.Equal(HttpStatusCode.OK, firstStatus);

            var (secondOutput, secondStatus) = await StartAsync(path);
            Assert.DoesNotContain("cx_live_", secondOutput);
            Assert.Null(secondStatus);
        }
        finally
        {
            CxApiFactory.DeleteDatabase(path);
        }
    }

    /// <summary>Starts the server on <paramref name="path"/> with no bootstrap key; returns what it printed and how its printed key fares.</summary>
    private static async Task<(string Output, HttpStatusCode? PrintedKeyStatus)> StartAsync(string path)
    {
        var original = Console.Out;
        var capture = new StringWriter();
        Console.SetOut(capture);
        await using var factory = new CxApiFactory { DatabasePath = path, KeepDatabase = true, Settings = { ["Auth:BootstrapAdminKey"] = "" } };
        try
        {
            _ = factory.CreateClient(apiKey: null); // starts the server
        }
        finally
        {
            Console.SetOut(original);
        }
        var output = capture.ToString();
        var key = System.Text.RegularExpressions.Regex.Match(output, "cx_live_[0-9A-Za-z]+").Value;
        return (output, key.Length == 0 ? null : (await factory.CreateClient(key).GetAsync("/v1/api-keys")).StatusCode);
    }
}
