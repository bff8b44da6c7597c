using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Qunfa.Testing;

/// <summary>
/// A Qunfa node as a separate operating-system process (`dotnet Qunfa.Web.dll`), configured through environment
/// variables like a systemd unit would: on a test database, pointed at an emulator that outlives it. It can be
/// killed outright (<see cref="Kill"/>), the way kill -9 ends a process: no shutdown, no flushing, no goodbyes.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private NodeProcess(Process process, Uri root)
    {
        _process = process;
        Root = root;
    }

    public Uri Root { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the node wrote, for a failure message.</summary>
    public string Output
    {
        get { lock (_output) return _output.Length > 4000 ? _output.ToString(_output.Length - 4000, 4000) : _output.ToString(); }
    }

    /// <param name="cpus">A CPU list for `taskset -c` (e.g. "1"): the node runs on those cores only, from its first instruction.</param>
    public static async Task<NodeProcess> StartAsync(TestDatabase database, Qunfa.Emulators.EmulatorHost carrier, IReadOnlyDictionary<string, string> settings, CancellationToken ct, string? cpus = null)
    {
        var dll = WebAssemblyPath();
        var port = FreePort();
        var root = new Uri($"http://127.0.0.1:{port}/");
        // taskset execs dotnet in its own process, so the id and the kill below are the node's.
        var info = new ProcessStartInfo(cpus is null ? "dotnet" : "taskset", cpus is null ? [dll] : ["-c", cpus, "dotnet", dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var all = new Dictionary<string, string>(database.Settings)
        {
            ["Urls"] = root.ToString().TrimEnd('/'),
            [Qunfa.Web.Features.Carrier.SandboxCarrier.EmulatorUrlKey] = carrier.BaseAddress.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Critical",
        };
        foreach (var (key, value) in settings) all[key] = value;
        foreach (var (key, value) in all) info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var node = new NodeProcess(process, root);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await node.WaitUntilReadyAsync(ct);
        return node;
    }

    /// <summary>Ends the process at once (SIGKILL).</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async Task<string> GetStringAsync(string path, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = Root };
        return await http.GetStringAsync(path, ct);
    }

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = Root, Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 240; i++)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The node exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await http.GetAsync("/readyz", ct);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }
            await Task.Delay(250, ct);
        }
        Kill();
        throw new TimeoutException($"The node did not become ready:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>The web project's own build output (with its runtimeconfig and deps), built beside the tests.</summary>
    private static string WebAssemblyPath()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var repo = testBin;
        while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "Qunfa.slnx"))) repo = repo.Parent;
        if (repo is null) throw new InvalidOperationException("Qunfa.slnx not found above " + AppContext.BaseDirectory);
        var dll = Path.Combine(repo.FullName, "src", "Qunfa.Web", "bin", configuration, framework, "Qunfa.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/Qunfa.Web first", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // An orderly stop where the test did not kill it: SIGTERM, then a few seconds' grace.
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await term.WaitForExitAsync();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await _process.WaitForExitAsync(grace.Token); }
            catch (OperationCanceledException) { Kill(); }
        }
        _process.Dispose();
    }
}
