using CxApi.Common.Http;
using CxApi.Infrastructure.Entities;
using CxApi.Tests.Support;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Xunit.Abstractions;

namespace CxApi.Tests.Integration.Edge;

/// <summary>Request bodies cost nothing before the caller is authenticated, and their limits hold while they stream.</summary>
public sealed class RequestBodyTests(ITestOutputHelper output)
{
    private const long MiB = 1024 * 1024;

    [Fact]
    [Trait("Category", "Slow")]
    public async Task SixtyFourConcurrentUnauthenticated8MbPostsAre401sAndTheServerGrowsByLessThan50Mb()
    {
        var path = CxApiFactory.NewDatabasePath();
        try
        {
            await using var server = await ServerProcess.StartAsync(path);
            var body = new byte[BodySizeLimit.Batch]; // one array shared by every request: the test process holds 8 MB, not 512
            Array.Fill(body, (byte)' ');
            using var anonymous = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
            {
                BaseAddress = server.BaseAddress,
                Timeout = TimeSpan.FromMinutes(2),
            };

            async Task<HttpStatusCode> PostAsync()
            {
                var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await anonymous.PostAsync("/v1/responses/batch", content);
                return response.StatusCode;
            }

            // Warm up: the code paths of a rejected POST are compiled and the pools filled before the baseline.
            for (var i = 0; i < 4; i++) Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync());
            await Task.Delay(TimeSpan.FromSeconds(1));
            var before = server.ResidentBytes();

            var peak = before;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, server.ResidentBytes());
                    await Task.Delay(20);
                }
            });
            var statuses = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => PostAsync()));
            await Task.Delay(TimeSpan.FromSeconds(1));
            await sampling.CancelAsync();
            await sampler;
            var after = server.ResidentBytes();

            Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
            var report = $"RSS before {before / MiB} MB, peak {peak / MiB} MB, after {after / MiB} MB";
            output.WriteLine(report);
            Assert.True(after - before < 50 * MiB, report);
            Assert.True(peak - before < 50 * MiB, report);
        }
        finally
        {
            CxApiFactory.DeleteDatabase(path);
        }
    }

    private static readonly string Now = Api.Time(DateTimeOffset.UtcNow.AddMinutes(-1));

    private static string Review(string source, int bodyLength) =>
        $$"""{ "source": "{{source}}", "rating": 4, "publishedAt": "{{Now}}", "body": "{{new string('x', bodyLength)}}" }""";

    private static string Batch(string source, int items, int bodyLength) =>
        $$"""{ "items": [{{string.Join(",", Enumerable.Repeat(Review(source, bodyLength), items))}}] }""";

    private static StreamContent Chunked(string json)
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content; // a stream of unknown length: sent chunked, without Content-Length
    }

    private static StringContent Declared(string json) => new StringContent(json, Encoding.UTF8, "application/json");

    [Fact]
    [Trait("Category", "Slow")]
    public async Task OnTheRealServerOversizedBodiesAre413ProblemsWithOrWithoutContentLengthAndBodiesWithinTheLimitWork()
    {
        var path = CxApiFactory.NewDatabasePath();
        try
        {
            await using var server = await ServerProcess.StartAsync(path);
            using var client = server.Client();
            const string source = "limits";
            var tooLargeSingle = Review(source, 300 * 1024);
            var tooLargeBatch = Batch(source, 2200, 3900); // ≈ 9 MB

            foreach (var (url, body) in new[] { ("/v1/reviews", tooLargeSingle), ("/v1/reviews/batch", tooLargeBatch) })
            {
                var declared = await client.PostAsync(url, Declared(body));
                var problem = await declared.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
                Assert.Contains("at most", problem.GetProperty("detail").GetString());
                var chunked = new HttpRequestMessage(HttpMethod.Post, url) { Content = Chunked(body) };
                chunked.Headers.TransferEncodingChunked = true;
                await (await client.SendAsync(chunked)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
            }

            // The idempotency hash reads the body through the same limit; the refused request claims no key.
            var idempotent = new HttpRequestMessage(HttpMethod.Post, "/v1/reviews") { Content = Chunked(tooLargeSingle) };
            idempotent.Headers.Add("Idempotency-Key", "limits-1");
            await (await client.SendAsync(idempotent)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
            var retry = new HttpRequestMessage(HttpMethod.Post, "/v1/reviews") { Content = Declared(Review(source, 4000)) };
            retry.Headers.Add("Idempotency-Key", "limits-1");
            Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(retry)).StatusCode);

            // Within the limits: a 2 MB batch (over the single limit, under the batch one), sent both ways.
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/v1/reviews/batch", Declared(Batch(source, 500, 3900)))).StatusCode);
            var fine = new HttpRequestMessage(HttpMethod.Post, "/v1/reviews/batch") { Content = Chunked(Batch(source, 500, 3900)) };
            fine.Headers.TransferEncodingChunked = true;
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(fine)).StatusCode);

            Assert.Equal(1001, (await client.ListAllAsync($"/v1/reviews?source={source}", 1000)).Count);
        }
        finally
        {
            CxApiFactory.DeleteDatabase(path);
        }
    }

    [Fact]
    public async Task AnOversizedBodyFromACallerNotAdmittedIsRefusedForWhoSentItNotForItsSize()
    {
        using var factory = new CxApiFactory { Settings = { ["RateLimit:PermitsPerSecond"] = "1", ["RateLimit:Burst"] = "1" } };
        var oversized = Batch("unadmitted", 2200, 3900);

        await (await factory.CreateClient(apiKey: null).PostAsync("/v1/reviews/batch", Declared(oversized)))
            .AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await factory.CreateClient("cx_not_a_key").PostAsync("/v1/reviews/batch", Declared(oversized)))
            .AssertProblemAsync(HttpStatusCode.Unauthorized);

        var admin = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/v1/surveys")).StatusCode); // spends the burst of one
        await (await admin.PostAsync("/v1/reviews/batch", Declared(oversized))).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(0, await factory.CountAsync<ReviewEntity>());
    }
}
