namespace CxApi.Tests.Support;

/// <summary>Services and what happens on them (CSAT answers, deployments), as a client of the operations endpoints writes them.</summary>
public static class ServiceRecords
{
    /// <summary>A new catalogue service; returns its key.</summary>
    public static async Task<string> CreateServiceAsync(this HttpClient client)
    {
        var key = $"svc-{Guid.NewGuid():N}";
        await client.PostOkAsync("/v1/services", new { key, name = key, tier = 1 });
        return key;
    }

    /// <summary>CSAT answers on <paramref name="service"/> (a survey of their own), spread evenly over <c>[from, to)</c> in the order given.</summary>
    public static async Task PostCsatAsync(this HttpClient client, string service, DateTimeOffset from, DateTimeOffset to, params (int Score, int Count)[] scores)
    {
        var survey = await client.CreateSurveyAsync("csat");
        var all = scores.SelectMany(s => Enumerable.Repeat(s.Score, s.Count)).ToList();
        var step = (to - from) / all.Count;
        await client.PostBatchAsync("/v1/responses/batch",
            all.Select((score, i) => (object)new { surveyId = survey, score, service, respondedAt = Api.Time(from + step * i) }));
    }

    /// <summary>A deployment of <paramref name="service"/> that finished at <paramref name="finished"/>; returns its id.</summary>
    public static async Task<string> DeployAsync(
        this HttpClient client, string service, DateTimeOffset finished, string environment = "production", string? version = null) =>
        (await client.PostOkAsync("/v1/deployments", new { service, finishedAt = Api.Time(finished), environment, version })).Id();

    /// <summary>An incident on <paramref name="service"/> from <paramref name="started"/> to <paramref name="resolved"/> (null: still open).</summary>
    public static async Task PostIncidentAsync(this HttpClient client, string service, DateTimeOffset started, DateTimeOffset? resolved,
        string impact = "outage", string severity = "sev1", string? title = null, DateTimeOffset? acknowledged = null, string? causedBy = null) =>
        await client.PostOkAsync("/v1/incidents", new
        {
            title = title ?? $"{impact} of {service}",
            services = new[] { service },
            severity,
            impact,
            startedAt = Api.Time(started),
            acknowledgedAt = acknowledged is { } a ? Api.Time(a) : null,
            resolvedAt = resolved is { } r ? Api.Time(r) : null,
            causedByDeploymentId = causedBy,
        });
}
