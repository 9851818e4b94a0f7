namespace CxApi.Infrastructure.Ingest;

/// <summary>What a row the database refuses for a reason that is not the client's to resolve (not a duplicate, not a deleted reference) fails.</summary>
public enum RefusalScope
{
    /// <summary>Only its own record: the others still commit (records of unrelated requests, stored together).</summary>
    Record,

    /// <summary>The whole write: nothing is stored (the records of one request).</summary>
    All,
}
