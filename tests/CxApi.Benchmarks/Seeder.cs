using CxApi.Common.Json;
using CxApi.Features.Demo;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxApi.Benchmarks;

/// <summary>
/// Creates the NPS survey and seeds responses through <c>POST /v1/responses/batch</c>: the records are the demo
/// generator's (<see cref="DemoGenerator"/>) for <see cref="Shape"/>, the same for every run of a size.
/// </summary>
public static class Seeder
{
    public const int BatchSize = 1000;
    public const int Senders = 4;

    /// <summary>The seeded responses are spread uniformly over the 365 days before this instant.</summary>
    public static readonly DateTimeOffset PeriodEnd = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset PeriodStart = PeriodEnd.AddDays(-365);

    /// <summary>
    /// The benchmark's records: <paramref name="responses"/> NPS responses spread evenly (no weekday or daytime peaks)
    /// over the year before <see cref="PeriodEnd"/>, in time order as a backfill of history sends them, about ten a
    /// customer; the catalogue's eight services with <see cref="OperationsSeeder.Deployments"/> deployments and
    /// <see cref="OperationsSeeder.Incidents"/> incidents; nothing planted.
    /// </summary>
    public static DemoShape Shape(int responses) => new()
    {
        End = PeriodEnd,
        Days = 365,
        Seed = 14,
        Seasonal = false,
        Scenario = false,
        Customers = Math.Max(100, responses / 10),
        NpsResponses = responses,
        Deployments = OperationsSeeder.Deployments,
        Incidents = OperationsSeeder.Incidents,
    };

    /// <summary>The API's JSON rules, leaving out the fields a generated request does not set.</summary>
    private static readonly JsonSerializerOptions RequestJson = new(JsonSetup.Wire) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static HttpClient Client(Uri baseUrl, string apiKey)
    {
        var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromMinutes(10),
        };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return http;
    }

    public static async Task<string> CreateSurveyAsync(HttpClient http, CancellationToken ct)
    {
        using var response = await http.PostAsync("/v1/surveys", Json("""{"name":"bench nps","kind":"nps"}"""u8.ToArray()), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"POST /v1/surveys answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Sends <paramref name="count"/> responses in batches of 1,000 from <see cref="Senders"/> concurrent senders.</summary>
    public static async Task<SeedResult> SeedAsync(HttpClient http, string surveyId, int count, CancellationToken ct)
    {
        // The senders take the generator's batches in turn; generating is far cheaper than storing.
        using var responses = new DemoGenerator(Shape(count)).Responses().Chunk(BatchSize).GetEnumerator();
        var done = 0;
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct); // the first failure stops every sender

        async Task SendAsync()
        {
            try
            {
                while (true)
                {
                    DemoResponse[] batch;
                    lock (responses)
                    {
                        if (!responses.MoveNext()) return;
                        batch = responses.Current;
                    }
                    await PostBatchAsync(http, "/v1/responses/batch", Items(batch.Select(r => r.Request with { SurveyId = surveyId })), batch.Length, stop.Token);
                    Interlocked.Add(ref done, batch.Length);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                await stop.CancelAsync();
                throw;
            }
        }

        var progress = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try { await Task.Delay(TimeSpan.FromSeconds(10), stop.Token); } catch (OperationCanceledException) { return; }
                var n = Volatile.Read(ref done);
                var rate = n / clock.Elapsed.TotalSeconds;
                var eta = rate > 0 ? $", about {TimeSpan.FromSeconds((count - n) / rate):h\\:mm\\:ss} to go" : "";
                Console.Error.WriteLine($"  seeded {n:N0}/{count:N0} ({rate:N0} items/s{eta})");
            }
        }, CancellationToken.None);

        try
        {
            // Senders stopped by another's failure end as cancelled, so the failure itself is what surfaces here.
            await Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => Task.Run(SendAsync, stop.Token)));
        }
        finally
        {
            await stop.CancelAsync();
            await progress;
        }
        var result = new SeedResult(count, clock.Elapsed);
        Console.Error.WriteLine($"  seeded {count:N0} in {result.Elapsed.TotalSeconds:N1} s ({result.ItemsPerSec:N0} items/s)");
        return result;
    }

    /// <summary>POSTs one <c>{"items":[...]}</c> body of <paramref name="size"/> items; every item must be created. Returns the new ids in order.</summary>
    public static async Task<List<string>> PostBatchAsync(HttpClient http, string path, byte[] items, int size, CancellationToken ct)
    {
        using var response = await http.PostAsync(path, Json(items), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {Shorten(body)}");

        var root = JsonDocument.Parse(body).RootElement;
        var created = root.GetProperty("created").GetInt32();
        if (created != size)
        {
            var failure = root.GetProperty("results").EnumerateArray().FirstOrDefault(r => r.GetProperty("status").GetString() != "created");
            throw new InvalidOperationException($"A batch of {size} to {path} created only {created} (failed {root.GetProperty("failed").GetInt32()}); first failure: {failure}");
        }
        return [.. root.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];
    }

    /// <summary>An ISO 8601 UTC instant to whole seconds, as the seeded records carry them.</summary>
    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary><c>{"items":[...]}</c>: generated create requests as the API reads them.</summary>
    public static byte[] Items<T>(IEnumerable<T> requests) => JsonSerializer.SerializeToUtf8Bytes(new { items = requests }, RequestJson);

    public static ByteArrayContent Json(byte[] body) =>
        new(body) { Headers = { ContentType = new("application/json") } };

    private static string Shorten(string text) => text.Length <= 500 ? text : text[..500] + "...";
}
