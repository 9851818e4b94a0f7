using CxApi.Common;
using CxApi.Common.Validation;
using CxApi.Features.Responses;
using CxApi.Features.Surveys;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Ingest;
using FluentValidation;
using System.Text.Json;
using Delivery = CxApi.Features.Integrations.IntegrationDeliveries.Delivery;

namespace CxApi.Features.Integrations;

/// <summary>
/// Typeform responses to a mapped form become survey responses through the response ingest path: the score is the
/// number answered to the form's <see cref="TypeformForm.ScoreField"/>, the comment the text answered to its
/// <see cref="TypeformForm.CommentField"/>, the customer the hidden field <see cref="TypeformForm.CustomerHidden"/>; the
/// response's token is its <c>externalId</c>.
/// </summary>
public sealed class TypeformReceiver(
    CxDbContext db, RecordIngest ingest, IntegrationDeliveries deliveries, IValidator<CreateResponseRequest> validator,
    SurveyLookup surveys, IServiceProvider services, TimeProvider clock, ILogger<TypeformReceiver> logger)
{
    public const string Tool = "typeform";
    public const string FormResponseEvent = "form_response";

    private static readonly Common.Auth.Caller Owner = IntegrationClients.For(Tool);

    public async Task<IntegrationResult> ReceiveAsync(TypeformWebhook webhook, TypeformForm form, CancellationToken ct)
    {
        var response = webhook.FormResponse;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(webhook.EventId)) errors["event_id"] = ["is required: it makes a replayed delivery change nothing"];
        if (string.IsNullOrWhiteSpace(response?.Token)) errors["form_response.token"] = ["is required: the response's id"];
        if (response?.SubmittedAt is null) errors["form_response.submitted_at"] = ["is required"];
        if (errors.Count > 0) return IntegrationResult.Invalid(errors);

        var delivery = new Delivery(Tool, webhook.EventId!, response!.Token!, response.SubmittedAt!.Value);
        return await deliveries.OnceAsync(delivery, "response", async () =>
        {
            if (AnswerTo(response, form.ScoreField) is not { Number: { } number })
            {
                logger.LogInformation("Typeform response {Token} to form {FormId} has no number answer to '{ScoreField}'; ignored",
                    response.Token, response.FormId, form.ScoreField);
                return IntegrationResult.Of(IntegrationReceipt.Ignored($"The response has no number answer to '{form.ScoreField}', the score question."));
            }
            if (number != Math.Floor(number) || number is < int.MinValue or > int.MaxValue)
                return IntegrationResult.Invalid("form_response.answers", $"The answer to '{form.ScoreField}' is {number}, not a whole score.");

            var request = new CreateResponseRequest(form.SurveyId, Score: (int)number, Comment: AnswerTo(response, form.CommentField)?.Text,
                CustomerId: HiddenText(response, form.CustomerHidden), Channel: Channel.Web, RespondedAt: response.SubmittedAt,
                ExternalId: response.Token);
            var validation = await validator.ValidateAsync(ValidationSetup.ContextFor(request, services), ct);
            if (!validation.IsValid) return IntegrationResult.Invalid(validation.ToDictionary());
            var survey = await surveys.FindAsync(form.SurveyId!, ct);
            var entity = request.ToEntity(survey!.Kind, Owner, UnixMicros.From(clock.GetUtcNow()));
            return await ingest.InsertAsync(db, entity, ct) switch
            {
                InsertOutcome.Duplicate duplicate => IntegrationResult.Of(new IntegrationReceipt(IntegrationOutcome.Duplicate, "response",
                    duplicate.ExistingId, $"Typeform response '{response.Token}' is recorded already.")),
                InsertOutcome.MissingReference missing => IntegrationResult.Invalid(missing.Field, missing.Message),
                _ => IntegrationResult.Of(new IntegrationReceipt(IntegrationOutcome.Created, "response", entity.Id,
                    $"Typeform response '{response.Token}' is recorded as a response to survey '{form.SurveyId}'.")),
            };
        }, ct);
    }

    /// <summary>The answer to the question with <paramref name="reference"/>: by the ref the answer carries, or the one its field has in the definition.</summary>
    private static TypeformAnswer? AnswerTo(TypeformFormResponse response, string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var fieldIds = (response.Definition?.Fields ?? []).Where(f => f.Ref == reference).Select(f => f.Id).ToHashSet();
        return (response.Answers ?? []).FirstOrDefault(a => a.Field?.Ref == reference || (a.Field?.Id is { } id && fieldIds.Contains(id)));
    }

    private static string? HiddenText(TypeformFormResponse response, string? name) =>
        name is not null && response.Hidden?.TryGetValue(name, out var value) == true && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
