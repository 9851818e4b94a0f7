using CxApi.Infrastructure.Entities;
using Microsoft.Extensions.Options;

namespace CxApi.Common.Privacy;

/// <summary>
/// Redaction on ingest (<c>Privacy__RedactComments</c>): every new record on its way to the database, and every change
/// to an incident's title, passes here, and with the option on its free text is masked by <see cref="TextRedactor"/>.
/// A record whose text was masked says <c>redacted: true</c> from then on.
/// </summary>
public sealed class RecordRedaction(IOptionsMonitor<PrivacyOptions> options)
{
    public void Apply(RecordEntity record)
    {
        if (options.CurrentValue.RedactComments && record is IRedactableRecord redactable && redactable.MaskFreeText(TextRedactor.Redact))
            redactable.Redacted = true;
    }
}
