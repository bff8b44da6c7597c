using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Qunfa.Aliyun.Configuration;
using Qunfa.Web.Domain.Settings;

namespace Qunfa.Web.Features.Carrier;

/// <summary>Points the Alibaba client at the in-process emulator while the operator's carrier is the sandbox.</summary>
internal sealed class CarrierAliyunOptions(CarrierState state) : IPostConfigureOptions<AliyunOptions>, IOptionsChangeTokenSource<AliyunOptions>
{
    public string Name => Options.DefaultName;

    public IChangeToken GetChangeToken() => state.ChangeToken;

    public void PostConfigure(string? name, AliyunOptions options)
    {
        if (state.Current is not { Kind: CarrierKind.Sandbox, SandboxBaseAddress: { } sandbox }) return;
        options.SmsEndpoint = new Uri(sandbox, "dysmsapi/");
        options.DybaseEndpoint = new Uri(sandbox, "dybaseapi/");
        options.MnsEndpoint = new Uri(sandbox, "mns/");
    }
}

/// <summary>The keys of AK 管理, decrypted once per change rather than per call.</summary>
internal sealed class CarrierCredentialsProvider(CarrierState state) : IAliyunCredentialsProvider
{
    public ValueTask<AliyunCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(state.Current.Credentials);
}
