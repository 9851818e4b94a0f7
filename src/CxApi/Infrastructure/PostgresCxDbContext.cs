using Microsoft.EntityFrameworkCore;

namespace CxApi.Infrastructure;

public sealed class PostgresCxDbContext(DbContextOptions<PostgresCxDbContext> options) : CxDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Ids and cursors compare byte by byte (as in SQLite), whatever the database's default collation.
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
            if (property.ClrType == typeof(string) && property.Name.EndsWith("Id", StringComparison.Ordinal))
                property.SetCollation("C");
    }
}
