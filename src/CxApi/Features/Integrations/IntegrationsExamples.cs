using CxApi.Common.OpenApi;

namespace CxApi.Features.Integrations;

/// <summary>
/// OpenAPI examples: the vendors' own published samples (PagerDuty's <c>incident.priority_updated</c> payload from its V3
/// webhook overview; GitHub's <c>deployment_status</c> payload from octokit/webhooks and Typeform's example payload, both
/// abridged to the members CxApi reads and a few around them), and what CxApi answers.
/// </summary>
public sealed class IntegrationsExamples : IOpenApiExamples
{
    private const string PagerDuty = """
        { "event": { "id": "5ac64822-4adc-4fda-ade0-410becf0de4f", "event_type": "incident.priority_updated", "resource_type": "incident",
            "occurred_at": "2020-10-02T18:45:22.169Z",
            "agent": { "html_url": "https://acme.pagerduty.com/users/PLH1HKV", "id": "PLH1HKV", "self": "https://api.pagerduty.com/users/PLH1HKV",
              "summary": "Tenex Engineer", "type": "user_reference" },
            "client": { "name": "PagerDuty" },
            "data": { "id": "PGR0VU2", "type": "incident", "self": "https://api.pagerduty.com/incidents/PGR0VU2",
              "html_url": "https://acme.pagerduty.com/incidents/PGR0VU2", "number": 2, "status": "triggered",
              "incident_key": "d3640fbd41094207a1c11e58e46b1662", "created_at": "2020-04-09T15:16:27Z", "reopened_at": "2020-10-02T18:45:22Z",
              "title": "A little bump in the road",
              "service": { "html_url": "https://acme.pagerduty.com/services/PF9KMXH", "id": "PF9KMXH", "self": "https://api.pagerduty.com/services/PF9KMXH",
                "summary": "API Service", "type": "service_reference" },
              "priority": { "html_url": "https://acme.pagerduty.com/account/incident_priorities", "id": "PSO75BM",
                "self": "https://api.pagerduty.com/priorities/PSO75BM", "summary": "P1", "type": "priority_reference" },
              "urgency": "high", "resolve_reason": null } } }
        """;

    private const string GitHub = """
        { "action": "created",
          "deployment_status": { "url": "https://api.github.com/repos/Codertocat/Hello-World/deployments/145988746/statuses/209916254",
            "id": 209916254, "state": "success", "description": "", "environment": "production", "target_url": "",
            "created_at": "2019-05-15T15:20:55Z", "updated_at": "2019-05-15T15:20:55Z" },
          "deployment": { "url": "https://api.github.com/repos/Codertocat/Hello-World/deployments/145988746", "id": 145988746,
            "sha": "f95f852bd8fca8fcc58a9a2d6c842781e32a215e", "ref": "master", "task": "deploy", "payload": {},
            "original_environment": "production", "environment": "production", "description": null,
            "created_at": "2019-05-15T15:20:53Z", "updated_at": "2019-05-15T15:20:55Z" },
          "repository": { "id": 186853002, "name": "Hello-World", "full_name": "Codertocat/Hello-World", "private": false,
            "html_url": "https://github.com/Codertocat/Hello-World" },
          "sender": { "login": "Codertocat", "id": 21031067, "type": "User" } }
        """;

    private const string Typeform = """
        { "event_id": "LtWXD3crgy", "event_type": "form_response",
          "form_response": { "form_id": "lT4Z3j", "token": "a3a12ec67a1365927098a606107fac15",
            "submitted_at": "2018-01-18T18:17:02Z", "landed_at": "2018-01-18T18:07:02Z",
            "hidden": { "user_id": "abc123456" },
            "definition": { "id": "lT4Z3j", "title": "Webhooks example",
              "fields": [
                { "id": "DlXFaesGBpoF", "title": "Thanks, {{answer_60906475}}! What's it like where you live? Tell us in a few sentences.",
                  "type": "long_text", "ref": "readable_ref_long_text", "allow_multiple_selections": false, "allow_other_choice": false },
                { "id": "WOTdC00F8A3h", "title": "How would you rate the weather where you currently live? 1 is poor weather, 5 is excellent weather.",
                  "type": "rating", "ref": "readable_ref_rating", "allow_multiple_selections": false, "allow_other_choice": false } ] },
            "answers": [
              { "type": "text", "text": "It's cold right now! I live in an older medium-sized city with a university. Geographically, the area is hilly.",
                "field": { "id": "DlXFaesGBpoF", "type": "long_text" } },
              { "type": "number", "number": 3, "field": { "id": "WOTdC00F8A3h", "type": "rating" } } ] } }
        """;

    public IReadOnlyDictionary<Type, string> Requests { get; } = new Dictionary<Type, string>
    {
        [typeof(PagerDutyWebhook)] = PagerDuty,
        [typeof(GitHubWebhook)] = GitHub,
        [typeof(TypeformWebhook)] = Typeform,
    };

    public IReadOnlyDictionary<Type, Func<object>> Responses { get; } = new Dictionary<Type, Func<object>>
    {
        [typeof(IntegrationReceipt)] = () => new IntegrationReceipt(IntegrationOutcome.Created, "incident", "0193a4f1-5a7b-7c99-a5d6-3c4d5e6f7081",
            "PagerDuty incident 'PGR0VU2' (incident.priority_updated) is recorded as an incident of 'api-service'."),
    };
}
