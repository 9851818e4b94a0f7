using CxApi.Tests.Support;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace CxApi.Tests.Integration;

/// <summary>The SQLite file on a file system that fills up: 503s with Retry-After, nothing acknowledged lost, and recovery.</summary>
[Trait("Category", "Slow")]
public sealed class DiskFullTests
{
    [SqliteAsRootFact]
    public async Task AFullDiskIsA503WithRetryAfterAndWritesResumeOnceThereIsRoomAgain()
    {
        var mount = Path.Combine(Path.GetTempPath(), "cxapi-tests", $"full-{Guid.NewGuid():N}");
        Directory.CreateDirectory(mount);
        Assert.True(await RunAsync("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", mount), "could not mount a tmpfs");
        try
        {
            await using var server = await ServerProcess.StartAsync(Path.Combine(mount, "cx.db"));
            using var client = server.Client();
            var survey = await client.CreateSurveyAsync("csat");
            var filler = Path.Combine(mount, "filler");
            FillLeaving(filler, mount, bytesFree: 256 * 1024);

            var acknowledged = new List<string>();
            var refusals = new List<HttpResponseMessage>();
            for (var i = 0; i < 2000 && refusals.Count < 20; i++)
            {
                var response = await client.PostAsJsonAsync("/v1/responses",
                    new { surveyId = survey, score = 1 + i % 5, respondedAt = Api.Time(Api.Now), comment = new string('c', 2000) });
                if (response.StatusCode == HttpStatusCode.Created) acknowledged.Add((await response.JsonAsync()).Id());
                else refusals.Add(response);
            }

            Assert.NotEmpty(refusals); // the disk did fill up
            foreach (var refusal in refusals)
            {
                await refusal.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
                Assert.NotNull(refusal.Headers.RetryAfter);
            }

            File.Delete(filler);
            var recovery = Stopwatch.StartNew();
            HttpResponseMessage again;
            while ((again = await client.PostAsJsonAsync("/v1/responses", new { surveyId = survey, score = 5, respondedAt = Api.Time(Api.Now) }))
                   .StatusCode != HttpStatusCode.Created && recovery.Elapsed < TimeSpan.FromSeconds(10))
                await Task.Delay(200);
            Assert.Equal(HttpStatusCode.Created, again.StatusCode);
            acknowledged.Add((await again.JsonAsync()).Id());

            var stored = (await client.ListAllAsync($"/v1/responses?surveyId={survey}", 1000)).Select(r => r.Id()).ToHashSet();
            Assert.Subset(stored, acknowledged.ToHashSet());
            var check = await client.GetOkAsync("/v1/admin/rollups/verify");
            Assert.True(check.GetProperty("consistent").GetBoolean(), check.ToString());
        }
        finally
        {
            await RunAsync("umount", "-l", mount);
            Directory.Delete(mount, recursive: true);
        }
    }

    /// <summary>Writes <paramref name="path"/> until the file system has about <paramref name="bytesFree"/> left.</summary>
    private static void FillLeaving(string path, string mount, long bytesFree)
    {
        var free = new DriveInfo(mount).AvailableFreeSpace;
        using var file = File.Create(path);
        var chunk = new byte[64 * 1024];
        for (var left = free - bytesFree; left > 0; left -= chunk.Length) file.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
    }

    private static async Task<bool> RunAsync(string program, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            await process.WaitForExitAsync();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
