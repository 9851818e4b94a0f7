namespace CxApi.Common.Json;

/// <summary>One leaf of a JSON contract: its dotted camelCase path (<c>ci95.low</c>), its CLR type and how to read it from the root object.</summary>
public sealed record JsonLeaf(string Path, Type Type, Func<object, object?> Get);
