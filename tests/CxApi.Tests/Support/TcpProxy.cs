using System.Net;
using System.Net.Sockets;

namespace CxApi.Tests.Support;

/// <summary>
/// A loopback TCP relay to a real server that can be cut (listener closed, open connections dropped)
/// and restored: the database "goes down" and "comes back" for the application in front of it.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _connections = [];
    private TcpListener? _listener;
    private CancellationTokenSource _cut = new();

    public TcpProxy(string host, int port)
    {
        _target = new IPEndPoint(IPAddress.Parse(host), port);
        Port = Start();
    }

    public int Port { get; }

    private int Start(int port = 0)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        var listener = _listener;
        var cut = _cut.Token;
        _ = Task.Run(async () =>
        {
            while (!cut.IsCancellationRequested)
            {
                TcpClient client;
                try { client = await listener.AcceptTcpClientAsync(cut); }
                catch { return; }
                _ = RelayAsync(client, cut);
            }
        });
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task RelayAsync(TcpClient client, CancellationToken cut)
    {
        using var server = new TcpClient();
        lock (_connections) _connections.AddRange([client, server]);
        try
        {
            await server.ConnectAsync(_target, cut);
            var up = client.GetStream().CopyToAsync(server.GetStream(), cut);
            var down = server.GetStream().CopyToAsync(client.GetStream(), cut);
            await Task.WhenAny(up, down);
        }
        catch { }
        finally
        {
            client.Dispose();
        }
    }

    /// <summary>Stops accepting and drops every open connection.</summary>
    public void Cut()
    {
        _cut.Cancel();
        _listener?.Stop();
        lock (_connections)
        {
            foreach (var c in _connections) c.Dispose();
            _connections.Clear();
        }
    }

    /// <summary>Accepts connections again on the same port.</summary>
    public void Restore()
    {
        _cut = new CancellationTokenSource();
        Start(Port);
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }
}
