using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using System.Collections.Concurrent;

namespace CxApi.Infrastructure.Ingest;

/// <summary>
/// New records of one kind as rows of their table, ready for an <see cref="IRecordRowWriter"/>: columns and value
/// conversions come from the EF model, so the rows are exactly what EF would write. Values are converted before the
/// writing transaction begins; only the change numbers are filled in inside it (<see cref="Number"/>).
/// </summary>
public sealed class RecordTable
{
    private sealed record Shape(string Name, IReadOnlyList<RecordColumn> Columns, int ChangeSeqColumn);

    private static readonly ConcurrentDictionary<IEntityType, Shape> Shapes = new();

    private readonly Shape _shape;

    private RecordTable(Shape shape, string resource, List<RecordEntity> records)
    {
        _shape = shape;
        Resource = resource;
        Records = records;
        Rows = records.ConvertAll(r => shape.Columns.Select(c => c.Value(r)).ToArray());
    }

    public string Name => _shape.Name;

    /// <summary>The changes feed the records are numbered in (<see cref="ChangeLog"/>).</summary>
    public string Resource { get; }

    public IReadOnlyList<RecordColumn> Columns => _shape.Columns;

    public IReadOnlyList<RecordEntity> Records { get; }

    /// <summary>The index of the change-number column in <see cref="Columns"/>.</summary>
    public int ChangeSeqColumn => _shape.ChangeSeqColumn;

    /// <summary>One value per column for each record, in the order of <see cref="Records"/>.</summary>
    public IReadOnlyList<object?[]> Rows { get; }

    /// <summary>One table per record kind, in resource-name order (the order <see cref="ChangeLog"/> locks counters in).</summary>
    public static List<RecordTable> From(CxDbContext db, IEnumerable<RecordEntity> records) =>
    [
        .. records.GroupBy(r => r.GetType())
            .Select(g => new RecordTable(Shapes.GetOrAdd(db.Model.FindEntityType(g.Key)!, ShapeOf), ChangeLog.ResourceOf(g.Key), [.. g]))
            .OrderBy(t => t.Resource, StringComparer.Ordinal),
    ];

    /// <summary>
    /// Whether the rows are worth staging (<see cref="IRecordRowWriter.StageAsync"/>): a batch's are; fewer than 100 (a
    /// group commit's, as a rule) are written straight into their table, as staging would cost more than it saves.
    /// </summary>
    public bool Staged => Rows.Count >= 100;

    /// <summary>
    /// Puts each row's position where its change number goes, for staging: a staged row is numbered on its way into its
    /// table, as the first number plus its position (<see cref="NumberedColumns"/>).
    /// </summary>
    public void Position() => Number(0);

    /// <summary>The quoted name of the temporary table its rows are staged in: <c>"cx_staged_Responses"</c>.</summary>
    public string StagingTable => $"\"cx_staged_{Name}\"";

    /// <summary>The quoted column names, in the order of each row's values: <c>"Id", "SurveyId", …</c>.</summary>
    public string ColumnList => string.Join(", ", Columns.Select(c => $"\"{c.Name}\""));

    /// <summary>
    /// The select list that numbers staged rows on their way into the table: each column as it is, but the change
    /// number as <paramref name="first"/> (the SQL parameter holding the first number) plus the row's position.
    /// </summary>
    public string NumberedColumns(string first) =>
        string.Join(", ", Columns.Select((c, i) => i == ChangeSeqColumn ? $"{first} + \"{c.Name}\"" : $"\"{c.Name}\""));

    /// <summary>Gives the records the change numbers from <paramref name="first"/> on, in their order.</summary>
    public void Number(long first)
    {
        for (var i = 0; i < Records.Count; i++)
        {
            Records[i].ChangeSeq = first + i;
            Rows[i][_shape.ChangeSeqColumn] = first + i;
        }
    }

    private static Shape ShapeOf(IEntityType entityType)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties().Select(property =>
        {
            var getter = property.GetGetter();
            var converter = property.GetTypeMapping().Converter;
            return new RecordColumn(property.GetColumnName(table)!, property.GetColumnType(table), entity =>
            {
                var value = getter.GetClrValue(entity);
                return value is null || converter is null ? value : converter.ConvertToProvider(value);
            });
        }).ToList();
        return new Shape(entityType.GetTableName()!, columns, columns.FindIndex(c => c.Name == nameof(RecordEntity.ChangeSeq)));
    }
}
