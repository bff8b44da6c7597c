using Qunfa.Web.Features.ApiKeys;

namespace Qunfa.Web.Features.HttpApi;

/// <summary>
/// Who signed the request, and the body the signature covered (read once, by the check). When the key was taken from
/// memory for an endpoint marked <see cref="ChecksInTheWrite"/>, its <see cref="ApiCredential.WriteCheck"/> holds the
/// checks left to the send's write; any other answer is given only after <see cref="ApiDeferredChecks"/>.
/// </summary>
public sealed record ApiCaller(ApiCredential Credential, byte[] Body)
{
    public int CustomerId => Credential.CustomerId;

    public static ApiCaller Of(HttpContext http) =>
        http.Features.Get<ApiCaller>() ?? throw new InvalidOperationException("The /api/v1 signature check did not run.");
}

/// <summary>Endpoint metadata: the endpoint makes the signature check's database checks in its own write.</summary>
public sealed class ChecksInTheWrite;
