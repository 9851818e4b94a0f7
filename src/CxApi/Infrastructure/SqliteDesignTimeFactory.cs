using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CxApi.Infrastructure;

/// <summary>Lets <c>dotnet ef migrations add</c> build each provider's model without starting the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCxDbContext>
{
    public SqliteCxDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCxDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
