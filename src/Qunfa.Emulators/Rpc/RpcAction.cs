namespace Qunfa.Emulators.Rpc;

internal sealed record RpcAction(string Name, string[] Required, Func<RpcCall, RpcResult> Handler);

internal sealed class RpcProduct(string name, string version, string hostId, IEnumerable<RpcAction> actions)
{
    public string Name { get; } = name;

    public string Version { get; } = version;

    public string HostId { get; } = hostId;

    public IReadOnlyDictionary<string, RpcAction> Actions { get; } = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);
}
