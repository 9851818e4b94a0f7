using CxApi.Infrastructure.Ingest;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Data.Common;

namespace CxApi.Infrastructure;

public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public string Provider { get; set; } = "Sqlite";
}
