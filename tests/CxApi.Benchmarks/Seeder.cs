using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace CxApi.Benchmarks;

/// <summary>Creates the NPS survey and seeds synthetic responses through <c>POST /v1/responses/batch</c>.</summary>
public static class Seeder
{
    public const int BatchSize = 1000;
    public const int Senders = 4;

    /// <summary>The seeded responses are spread uniformly over the 365 days before this instant.</summary>
    public static readonly DateTimeOffset PeriodEnd = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset PeriodStart = PeriodEnd.AddDays(-365);

    private static readonly string[] Channels = ["email", "chat", "phone", "web"];
    private static readonly string[] Regions = ["emea", "amer", "apac"];
    private static readonly string[] Products = ["app", "web"];

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
        var batches = (count + BatchSize - 1) / BatchSize;
        var nextBatch = -1;
        var done = 0;
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct); // the first failure stops every sender

        async Task SendAsync()
        {
            try
            {
                int batch;
                while ((batch = Interlocked.Increment(ref nextBatch)) < batches)
                {
                    var first = batch * BatchSize;
                    var size = Math.Min(BatchSize, count - first);
                    await SendBatchAsync(http, surveyId, first, size, count, stop.Token);
                    Interlocked.Add(ref done, size);
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

    private static Task<List<string>> SendBatchAsync(HttpClient http, string surveyId, int first, int size, int count, CancellationToken ct) =>
        PostBatchAsync(http, "/v1/responses/batch", BatchBody(surveyId, first, size, count), size, ct);

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

    /// <summary>
    /// <c>{"items":[...]}</c> for responses <paramref name="first"/>.. with deterministic pseudo-random
    /// scores and dimensions (seeded by the batch's first number, so runs are reproducible), a service of the catalogue
    /// (skewed, see <see cref="ServiceCatalogue"/>) and a customer. Times run
    /// through the year in order, as a backfill of history does, each response within an hour of its slot.
    /// </summary>
    private static byte[] BatchBody(string surveyId, int first, int size, int count)
    {
        var random = new Random(first);
        var spanSeconds = (long)(PeriodEnd - PeriodStart).TotalSeconds;
        var customers = Math.Max(100, count / 10); // about ten responses a customer a year
        return Items(size, 260, (json, i) =>
        {
            var n = first + i;
            json.WriteString("surveyId", surveyId);
            json.WriteNumber("score", random.Next(0, 11));
            json.WriteString("channel", Channels[random.Next(Channels.Length)]);
            json.WriteString("region", Regions[random.Next(Regions.Length)]);
            json.WriteString("product", Products[random.Next(Products.Length)]);
            json.WriteString("service", ServiceCatalogue.Pick(random));
            json.WriteString("customerId", $"c-{random.Next(customers)}");
            json.WriteStartArray("tags");
            if (random.Next(4) == 0) json.WriteStringValue("a");
            json.WriteEndArray();
            var at = Math.Min(spanSeconds - 1, n * spanSeconds / count + random.NextInt64(3600));
            json.WriteString("respondedAt", Instant(PeriodStart.AddSeconds(at)));
            json.WriteString("externalId", $"seed-{n}");
        });
    }

    /// <summary><c>{"items":[...]}</c> of <paramref name="size"/> objects, the properties of item i written by <paramref name="item"/>.</summary>
    public static byte[] Items(int size, int bytesPerItem, Action<Utf8JsonWriter, int> item)
    {
        var buffer = new ArrayBufferWriter<byte>(size * bytesPerItem);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("items");
            for (var i = 0; i < size; i++)
            {
                json.WriteStartObject();
                item(json, i);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static ByteArrayContent Json(byte[] body) =>
        new(body) { Headers = { ContentType = new("application/json") } };

    private static string Shorten(string text) => text.Length <= 500 ? text : text[..500] + "...";
}
