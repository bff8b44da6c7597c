namespace Qunfa.Aliyun.Rpc;

internal enum RpcEndpoint
{
    Sms,
    Dybase,
}
