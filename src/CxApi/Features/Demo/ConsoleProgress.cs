using System.Globalization;

namespace CxApi.Features.Demo;

/// <summary>
/// A progress bar for a long load: redrawn in place on a terminal; when the output is redirected (a CI log, a file), one
/// plain line per 10 %, so that a log shows progress without a line per record.
/// </summary>
public sealed class ConsoleProgress(string label, long total, TextWriter output, bool inPlace)
{
    private const int Width = 30;
    private long _done;
    private int _shown = -1;

    public static ConsoleProgress ForConsole(string label, long total) => new(label, total, Console.Out, !Console.IsOutputRedirected);

    public void Advance(long count)
    {
        _done = Math.Min(total, _done + count);
        var percent = total == 0 ? 100 : (int)(_done * 100 / total);
        if (inPlace)
        {
            if (percent == _shown) return;
            var filled = percent * Width / 100;
            output.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r{label} [{new string('#', filled)}{new string('.', Width - filled)}] {percent,3} %  {_done:N0}/{total:N0}"));
            if (percent == 100) output.WriteLine();
        }
        else
        {
            var step = percent / 10 * 10;
            if (step <= _shown) return;
            percent = step;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {step} % ({_done:N0} of {total:N0})"));
        }
        _shown = percent;
        output.Flush();
    }
}
