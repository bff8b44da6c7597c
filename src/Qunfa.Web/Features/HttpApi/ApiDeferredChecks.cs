using Qunfa.Web.Features.ApiKeys;

namespace Qunfa.Web.Features.HttpApi;

/// <summary>
/// Makes the checks a request left to its write (<see cref="ApiCredential.WriteCheck"/>) when the write did not make them —
/// the request was refused before it, or the write found the cached state out of date — exactly as the signature check
/// makes them for any other request.
/// </summary>
public sealed class ApiDeferredChecks(ApiKeyService keys, ApiNonceStore nonces)
{
    /// <summary>The caller with its key and state proven current and its nonce used, or the 401 to answer.</summary>
    public async Task<(ApiCaller? Caller, IResult? Rejection)> CompleteAsync(HttpContext http, ApiCaller caller, CancellationToken ct)
    {
        var deferred = caller.Credential.WriteCheck ?? throw new InvalidOperationException("Nothing was left to check.");
        var credential = await keys.ResolveAsync(caller.Credential.AccessKeyId, ct);
        if (credential is null)
            return (null, ApiSignatureMiddleware.Rejection(http, "InvalidAccessKeyId", "Invalid AccessKeyId", ApiMessages.UnknownKey));
        if (!deferred.Passed && !await nonces.TryUseAsync(credential.AccessKeyId, deferred.Nonce, deferred.NonceExpiresAt, ct))
            return (null, ApiSignatureMiddleware.Rejection(http, "NonceReused", "Nonce already used", ApiMessages.NonceReused));
        return (caller with { Credential = credential }, null);
    }
}
