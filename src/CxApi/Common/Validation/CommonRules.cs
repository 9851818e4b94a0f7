using FluentValidation;
using System.Buffers;
using System.Globalization;
using System.Text;

namespace CxApi.Common.Validation;

/// <summary>Rules that several request types share, so each limit is written once.</summary>
public static class CommonRules
{
    private static readonly DateTimeOffset Earliest = DateTimeOffset.UnixEpoch;

    /// <summary>A record's own time: present and not more than five minutes in the future.</summary>
    public static IRuleBuilderOptions<T, DateTimeOffset?> RecordTime<T>(this IRuleBuilder<T, DateTimeOffset?> rule, TimeProvider clock) =>
        rule.NotNull().SetValidator(new PastTimeValidator<T>(clock));

    public static IRuleBuilderOptions<T, DateTimeOffset?> PastTime<T>(this IRuleBuilder<T, DateTimeOffset?> rule, TimeProvider clock) =>
        rule.SetValidator(new PastTimeValidator<T>(clock));

    public static IRuleBuilderOptions<T, string?> Name<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(Limits.Name).Must(s => s is null || s.Trim().Length > 0).WithMessage("'{PropertyName}' must not be blank.");

    /// <summary>
    /// A caller's own id for a record (<c>externalId</c>): not blank, no control characters and nothing invisible
    /// (zero-width and other format characters such as U+200B–U+200D, U+2060, U+FEFF and bidi controls, line and
    /// paragraph separators, lone surrogates), and at most 200 characters in the form it is stored in,
    /// <see cref="CanonicalExternalId"/>.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> ExternalId<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop) // normalising a string with a lone surrogate throws
            .Must(id => id is null || !HasHiddenCharacters(id))
            .WithMessage("'{PropertyName}' must not contain control characters or invisible ones (zero-width, bidi, byte order mark).")
            .Must(id => id is null || id.Trim().Length > 0).WithMessage("'{PropertyName}' must not be blank.")
            .Must(id => id is null || CanonicalExternalId(id)!.Length <= Limits.Name)
            .WithMessage($"'{{PropertyName}}' must be {Limits.Name} characters or fewer.");

    /// <summary>
    /// The form an <c>externalId</c> is stored and compared in: Unicode NFC, so that ids that differ only in how their
    /// characters are composed ("é" as one code point or as e + U+0301) are one id.
    /// </summary>
    public static string? CanonicalExternalId(string? externalId) => externalId?.Normalize(NormalizationForm.FormC);

    private static bool HasHiddenCharacters(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length) != OperationStatus.Done) return true;
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator) return true;
            i += length;
        }
        return false;
    }

    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(Limits.Text);

    /// <summary>At most 20 distinct, non-empty tags of at most 50 characters.</summary>
    public static void Tags<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, IEnumerable<string>?>> tags, string name = "tags")
    {
        validator.RuleFor(tags)
            .Must(t => t is null || t.Count() <= Limits.Tags).WithMessage($"At most {Limits.Tags} tags are allowed.")
            .Must(t => t is null || t.Distinct(StringComparer.Ordinal).Count() == t.Count()).WithMessage("Tags must be unique.")
            .OverridePropertyName(name);
        validator.RuleForEach(tags)
            .NotEmpty().WithMessage("A tag must not be empty.")
            .MaximumLength(Limits.Tag).WithMessage($"A tag has at most {Limits.Tag} characters.")
            .OverridePropertyName(name);
    }

    /// <summary>At most <paramref name="max"/> distinct names (service keys, customer ids), each a valid name.</summary>
    public static void Keys<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, IEnumerable<string>?>> keys, string name, int max)
    {
        validator.RuleFor(keys)
            .Must(k => k is null || k.Count() <= max).WithMessage($"At most {max} values are allowed.")
            .Must(k => k is null || k.Distinct(StringComparer.Ordinal).Count() == k.Count()).WithMessage("Values must be unique.")
            .OverridePropertyName(name);
        validator.RuleForEach(keys).NotEmpty().Name().OverridePropertyName(name);
    }

    /// <summary>An absolute http or https URL of at most <see cref="Limits.Url"/> characters (a link to the record elsewhere).</summary>
    public static IRuleBuilderOptions<T, string?> HttpUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(Limits.Url)
            .Must(u => u is null || (Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            .WithMessage("must be an absolute http or https URL.");

    private sealed class PastTimeValidator<T>(TimeProvider clock) : FluentValidation.Validators.PropertyValidator<T, DateTimeOffset?>
    {
        public override string Name => "PastTime";

        public override bool IsValid(ValidationContext<T> context, DateTimeOffset? value)
        {
            if (value is not { } time) return true;
            if (time < Earliest)
            {
                context.MessageFormatter.AppendArgument("Problem", "must not be before 1970-01-01T00:00:00Z");
                return false;
            }
            if (time > clock.GetUtcNow() + Limits.AllowedClockSkew)
            {
                context.MessageFormatter.AppendArgument("Problem", "must not be more than 5 minutes in the future");
                return false;
            }
            return true;
        }

        protected override string GetDefaultMessageTemplate(string errorCode) => "'{PropertyName}' {Problem}.";
    }

    private static readonly string PeriodTimeRequirement =
        $"must lie between {Rfc3339.Format(Limits.EarliestPeriodTime)} and {Rfc3339.Format(Limits.LatestPeriodTime)}";

    /// <summary>
    /// A period's <c>from</c> or <c>to</c> (a query string): an RFC 3339 timestamp from <see cref="Limits.EarliestPeriodTime"/>
    /// to <see cref="Limits.LatestPeriodTime"/>, so that every period the API accepts can be bucketed and summed.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> PeriodTime<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || Rfc3339.TryParse(text, out _)).WithMessage(Rfc3339.Requirement)
            .Must(text => !Rfc3339.TryParse(text, out var time) || (time >= Limits.EarliestPeriodTime && time <= Limits.LatestPeriodTime))
            .WithMessage(PeriodTimeRequirement);

    /// <summary>How long something may take before it misses its service level: more than 0 s and at most <see cref="Limits.MaxSla"/>.</summary>
    public static IRuleBuilderOptions<T, double?> SlaSeconds<T>(this IRuleBuilder<T, double?> rule) =>
        rule.GreaterThan(0).LessThanOrEqualTo(Limits.MaxSla.TotalSeconds);
}
