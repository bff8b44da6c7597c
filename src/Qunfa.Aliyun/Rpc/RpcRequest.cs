namespace Qunfa.Aliyun.Rpc;

/// <summary>One RPC call: action plus business parameters (nulls are dropped, empty strings are sent and signed).</summary>
internal sealed class RpcRequest(string action, RpcEndpoint endpoint = RpcEndpoint.Sms, string version = "2017-05-25")
{
    private readonly List<KeyValuePair<string, string>> parameters = [];

    public string Action { get; } = action;

    public string Version { get; } = version;

    public RpcEndpoint Endpoint { get; } = endpoint;

    public IReadOnlyList<KeyValuePair<string, string>> Parameters => parameters;

    public RpcRequest Add(string name, string? value)
    {
        if (value is not null)
        {
            parameters.Add(new(name, value));
        }

        return this;
    }

    public RpcRequest Add(string name, long? value) => Add(name, value?.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public RpcRequest Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    public string? this[string name] => parameters.LastOrDefault(p => p.Key == name).Value;
}
