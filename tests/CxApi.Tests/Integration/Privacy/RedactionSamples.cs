namespace CxApi.Tests.Integration.Privacy;

/// <summary>Texts the redaction tests send, and what is stored of them with redaction on.</summary>
public static class RedactionSamples
{
    public const string Comment = "Charged twice on 4111 1111 1111 1111 for order #100234 (v2.14.3). Call +44 20 7946 0958 or mail jane.doe@example.com.";
    public const string MaskedComment = "Charged twice on [card] for order #100234 (v2.14.3). Call [phone] or mail [email].";
    public const string Title = "Rückruf an max@beispiel.de";
    public const string MaskedTitle = "Rückruf an [email]";
    public const string Body = "Lieferung vom 19.11.2026 kam nie an, Tel. 030 12345678, Bestellung ORD-2026-11-19-0042.";
    public const string MaskedBody = "Lieferung vom 19.11.2026 kam nie an, Tel. [phone], Bestellung ORD-2026-11-19-0042.";
    public const string IncidentTitle = "Payments failing, escalate to (555) 123-4567";
    public const string MaskedIncidentTitle = "Payments failing, escalate to [phone]";
    public const string Clean = "Great support, fixed in 10.0.1 on 2026-11-19 at 14:30";
}
