namespace CxApi.Common.Privacy;

public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Mask e-mail addresses, phone numbers and card numbers in records' free text before they are stored.</summary>
    public bool RedactComments { get; set; }
}
