using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using System.Text.Json.Nodes;

namespace CxApi.Common.Formats;

/// <summary>Documents the <c>text/csv</c> form of an endpoint with <see cref="CsvExport"/>: its rows and its columns, in order.</summary>
public sealed class CsvDocumentation(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var export = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<CsvExport>().FirstOrDefault();
        if (export is null || operation.Responses?.TryGetValue("200", out var ok) != true || ok is not OpenApiResponse response) return;
        var columns = export.ColumnNames(json.Value.SerializerOptions);
        response.Content ??= new Dictionary<string, OpenApiMediaType>();
        response.Content[Csv.MediaType] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = $"RFC 4180 CSV (UTF-8, header row), {export.Rows}. Columns, always in this order: {string.Join(", ", columns)}. " +
                              "Text that begins with =, +, -, @, tab or carriage return is written with a leading ' (so a spreadsheet shows it rather than runs it), " +
                              "and control characters other than tab and line breaks as U+FFFD.",
            },
            Example = JsonValue.Create(Csv.HeaderLine(columns)),
        };
        operation.Description = (operation.Description is { Length: > 0 } d ? d + "\n\n" : "") +
                                "Send `Accept: text/csv` for CSV: " + export.Rows + ".";
    }
}
