using System.Globalization;

namespace CxApi.Features.Demo;

/// <summary>
/// <c>--demo</c> on the command line, with <c>--demo-size &lt;n&gt;</c> (about n interactions and survey responses; default
/// <see cref="DemoShape.DefaultSize"/>) and <c>--demo-seed &lt;n&gt;</c> (default 1).
/// </summary>
public sealed record DemoSwitch(int Size, int Seed)
{
    public const string Usage = "--demo [--demo-size <records, default 25000>] [--demo-seed <number, default 1>]";

    /// <summary>
    /// Takes the demo switches out of <paramref name="args"/>, in any position, before the host reads the rest: it would
    /// read <c>--demo --urls http://…</c> as the setting <c>demo=--urls</c> and lose the URL. False (with the reason on
    /// stderr) when a switch is malformed; <paramref name="demo"/> is null when <c>--demo</c> was not given.
    /// </summary>
    public static bool TryTake(ref string[] args, out DemoSwitch? demo)
    {
        var rest = new List<string>(args.Length);
        bool requested = false, sized = false;
        var (size, seed) = (DemoShape.DefaultSize, 1);
        demo = null;
        for (var i = 0; i < args.Length; i++)
        {
            var (name, inline) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], null);
            switch (name)
            {
                case "--demo" when inline is null:
                    requested = true;
                    break;
                case "--demo-size" or "--demo-seed":
                    var text = inline ?? (i + 1 < args.Length ? args[++i] : null);
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || (name == "--demo-size" && value < 100))
                    {
                        Console.Error.WriteLine($"{name} needs a whole number{(name == "--demo-size" ? " of at least 100" : "")}; got '{text}'. Usage: {Usage}");
                        return false;
                    }
                    if (name == "--demo-size") (size, sized) = (value, true);
                    else (seed, sized) = (value, true);
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }
        if (sized && !requested)
        {
            Console.Error.WriteLine($"--demo-size and --demo-seed go with --demo. Usage: {Usage}");
            return false;
        }
        args = [.. rest];
        if (requested) demo = new DemoSwitch(size, seed);
        return true;
    }
}
