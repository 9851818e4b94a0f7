namespace CxApi.Common.Formats;

/// <summary>A body that can also be written as CSV (metric reports, trends, the summary).</summary>
public interface ICsvExportable
{
    /// <summary>Names of the leading columns; each row's <c>Prefix</c> holds their values.</summary>
    static abstract string[] CsvPrefix { get; }
    /// <summary>The contract each row's <c>Item</c> is; its JSON properties are the remaining columns.</summary>
    static abstract Type CsvItemType { get; }
    CsvRows ToCsvRows();
}
