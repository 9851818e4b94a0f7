namespace CxApi.Infrastructure.Entities;

/// <summary>A record kind with free text that may quote personal data (see <see cref="Common.Privacy.RecordRedaction"/>).</summary>
public interface IRedactableRecord
{
    /// <summary>True once text sent for this record was masked before it was stored.</summary>
    bool Redacted { get; set; }

    /// <summary>Replaces each free-text field by what <paramref name="mask"/> makes of it; true when any changed.</summary>
    bool MaskFreeText(Func<string?, string?> mask);
}
