namespace CxApi.Common.OpenApi;

/// <summary>
/// A query contract whose parameters take fixed values: the document lists them as the parameter's <c>enum</c>
/// (parameter name → values), so generated clients type them. The contract's validator enforces the same list.
/// </summary>
public interface IQueryValues
{
    static abstract IReadOnlyDictionary<string, IReadOnlyCollection<string>> QueryValues { get; }
}
