using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Validation;
using CxApi.Features.Metrics.Calculators;
using CxApi.Features.Surveys;
using CxApi.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Features.Responses;

public sealed class CreateResponseValidator : AbstractValidator<CreateResponseRequest>
{
    /// <summary>The widest survey scale: a score outside it fits no survey (the survey's own scale is checked with the survey).</summary>
    private static readonly (int Min, int Max) AnyScale =
        (Enum.GetValues<SurveyKind>().Min(k => SurveyScales.For(k).Min), Enum.GetValues<SurveyKind>().Max(k => SurveyScales.For(k).Max));

    private static readonly (int Min, int Max) SusScale = SurveyScales.For(SurveyKind.Sus);

    public CreateResponseValidator(TimeProvider clock)
    {
        RuleFor(r => r.SurveyId).NotEmpty().MaximumLength(36);
        RuleFor(r => r.Score).InclusiveBetween(AnyScale.Min, AnyScale.Max);
        RuleForEach(r => r.Answers).InclusiveBetween(SusScale.Min, SusScale.Max);
        RuleFor(r => r.RespondedAt).RecordTime(clock);
        RuleFor(r => r.Comment).Text();
        RuleFor(r => r.CustomerId).Name();
        RuleFor(r => r.Product).Name();
        RuleFor(r => r.Region).Name();
        RuleFor(r => r.Service).Name();
        RuleFor(r => r.ExternalId).ExternalId();
        this.Tags(r => r.Tags);

        RuleFor(r => r).CustomAsync(async (request, context, ct) =>
        {
            var survey = await context.Service<SurveyLookup>().FindAsync(request.SurveyId!, ct);
            if (survey is null) context.AddFailure("surveyId", $"No survey with id '{request.SurveyId}'.");
            else if (!survey.Active) context.AddFailure("surveyId", $"Survey '{survey.Id}' is inactive and takes no responses.");
            else CheckAnswerFits(survey.Kind, request, context);
        }).When(r => r.SurveyId is { Length: > 0 and <= 36 });

        RuleFor(r => r.InteractionId)
            .MustAsync((_, id, context, ct) =>
                context.Service<CxDbContext>().Interactions.VisibleTo(context.Service<Caller>()).AnyAsync(i => i.Id == id, ct))
            .WithMessage(r => $"No interaction with id '{r.InteractionId}'.")
            .When(r => r.InteractionId is { Length: > 0 and <= 36 });
        RuleFor(r => r.InteractionId).MaximumLength(36);
    }

    /// <summary>A score on the survey's scale, or for SUS exactly ten answers (each 1–5, a rule of its own) and no score.</summary>
    private static void CheckAnswerFits(SurveyKind kind, CreateResponseRequest request, ValidationContext<CreateResponseRequest> context)
    {
        var (min, max) = SurveyScales.For(kind);
        var kindName = EnumText<SurveyKind>.ToText(kind);
        if (kind == SurveyKind.Sus)
        {
            if (request.Score is not null) context.AddFailure("score", "A sus response takes 'answers', not 'score'.");
            if (request.Answers is not { } answers)
            {
                context.AddFailure("answers", $"A sus response needs exactly {SusScoring.ItemCount} answers.");
                return;
            }
            if (answers.Count != SusScoring.ItemCount)
                context.AddFailure("answers", $"A sus response needs exactly {SusScoring.ItemCount} answers; got {answers.Count}.");
            return;
        }

        if (request.Answers is not null) context.AddFailure("answers", $"Only sus responses take 'answers'; an {kindName} response takes 'score'.");
        if (request.Score is not { } score) context.AddFailure("score", $"'score' is required for an {kindName} survey.");
        else if ((score < min || score > max) && score >= AnyScale.Min && score <= AnyScale.Max) // beyond every scale: said above
            context.AddFailure("score", $"Must be between {min} and {max} for an {kindName} survey.");
    }
}
