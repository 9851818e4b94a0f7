namespace CxApi.Infrastructure.Ingest;

/// <summary>A column of a record table: its name, its store type and how a record's value for it is read (converted as EF would).</summary>
public sealed record RecordColumn(string Name, string StoreType, Func<object, object?> Value);
