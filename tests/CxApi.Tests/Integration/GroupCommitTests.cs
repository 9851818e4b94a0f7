using CxApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Collections.Concurrent;
using System.Diagnostics;

namespace CxApi.Tests.Integration;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task ConcurrentSinglePostsShareTransactionsAndAreCommittedBeforeTheyAreAnswered()
    {
        using var factory = new CxApiFactory();
        var survey = await factory.CreateClient().CreateSurveyAsync("nps");
        var identity = TestDatabase.IsPostgres ? TestDatabase.DatabaseName(factory.DatabasePath) : factory.DatabasePath;
        var commits = 0;
        using var subscription = DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
        {
            if (listener.Name != DbLoggerCategory.Name) return;
            listener.Subscribe(new Observer<KeyValuePair<string, object?>>(e =>
            {
                if (e.Key == RelationalEventId.TransactionCommitted.Name && e.Value is TransactionEndEventData data
                    && data.Context?.Database.GetConnectionString()?.Contains(identity, StringComparison.Ordinal) == true)
                    Interlocked.Increment(ref commits);
            }));
        }));

        const int posts = 200;
        var unseenAtAnswer = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, posts), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
        {
            var response = await factory.CreateClient().PostOkAsync("/v1/responses",
                new { surveyId = survey, score = i % 11, respondedAt = Api.Time(Api.Now.AddSeconds(-i)) });
            // A separate connection sees the record the moment its 201 arrives: it was committed first.
            var id = response.Id();
            if (!await factory.WithDbAsync(db => db.Responses.AnyAsync(r => r.Id == id))) unseenAtAnswer.Add(id);
        });

        Assert.Empty(unseenAtAnswer);
        Assert.Equal(posts, await factory.WithDbAsync(db => db.Responses.CountAsync(r => r.SurveyId == survey)));
        Assert.True(commits < posts / 2, $"{posts} concurrent posts took {commits} transactions");
    }

    private sealed class Observer<T>(Action<T> onNext) : IObserver<T>
    {
        public void OnNext(T value) => onNext(value);
        public void OnError(Exception error) { }
        public void OnCompleted() { }
    }
}
