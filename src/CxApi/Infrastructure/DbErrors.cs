using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Infrastructure;

/// <summary>Recognises constraint violations across providers.</summary>
public static class DbErrors
{
    private const int SqliteConstraint = 19, SqliteUnique = 2067, SqlitePrimaryKey = 1555, SqliteForeignKey = 787;

    public static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException is SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteUnique or SqlitePrimaryKey };

    public static bool IsForeignKeyViolation(DbUpdateException e) =>
        e.InnerException is SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteForeignKey };
}
