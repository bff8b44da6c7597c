using Qunfa.Web.Features.ApiKeys;
using Qunfa.Web.Features.Sending.Checks;

namespace Qunfa.Web.Features.HttpApi;

/// <summary>
/// Who signed the request, and the body the signature covered (read once, by the check). <see cref="Deferred"/> is set
/// when the key was taken from memory and the nonce is not used yet: an endpoint that ends in a send makes both
/// checks in the send's write (<see cref="ChecksInTheWrite"/>), every other answer after <see cref="ApiDeferredChecks"/>.
/// </summary>
public sealed record ApiCaller(ApiCredential Credential, byte[] Body, ApiCaller.DeferredChecks? Deferred = null)
{
    public sealed record DeferredChecks(string Nonce, DateTimeOffset NonceExpiresAt, WriteTimeCheck Check);

    public int CustomerId => Credential.CustomerId;

    public static ApiCaller Of(HttpContext http) =>
        http.Features.Get<ApiCaller>() ?? throw new InvalidOperationException("The /api/v1 signature check did not run.");
}

/// <summary>Endpoint metadata: the endpoint makes the signature check's database checks in its own write.</summary>
public sealed class ChecksInTheWrite;
