namespace CxApi.Infrastructure.Ingest;

/// <summary>What became of a record given to the ingest path.</summary>
public abstract record InsertOutcome
{
    public static readonly InsertOutcome Stored = new StoredRecord();

    private sealed record StoredRecord : InsertOutcome;

    /// <summary>Its client already has a record with the same <c>externalId</c>: <paramref name="ExistingId"/>; nothing was stored.</summary>
    public sealed record Duplicate(string ExistingId) : InsertOutcome;

    /// <summary>
    /// The record names, in <paramref name="Field"/>, a <paramref name="Resource"/> that no longer exists: it was
    /// deleted after the request was validated. Nothing was stored.
    /// </summary>
    public sealed record MissingReference(string Field, string Resource, string Id) : InsertOutcome
    {
        public string Message => $"No {Resource} with id '{Id}': it was deleted while this record was being stored.";
    }
}
