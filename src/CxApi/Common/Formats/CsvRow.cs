using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CxApi.Common.Formats;

internal sealed record CsvRow(object?[] Prefix, object Item);
