using CxApi.Infrastructure.Ingest;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Data.Common;

namespace CxApi.Infrastructure;

/// <summary>Lets <c>dotnet ef migrations add</c> build each provider's model without starting the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCxDbContext>
{
    public SqliteCxDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCxDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
