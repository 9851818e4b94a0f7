namespace CxApi.Infrastructure.Entities;

/// <summary>A record that changes after it is stored (by ETag-guarded merge patches), and says when it last did.</summary>
public interface IEvolvingRecord
{
    long UpdatedAtMicros { get; set; }
}
