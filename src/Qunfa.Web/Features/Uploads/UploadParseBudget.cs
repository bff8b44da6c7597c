using Microsoft.Extensions.Options;

namespace Qunfa.Web.Features.Uploads;

/// <summary>
/// What an upload is read under: reading stops when the request is aborted (the customer has gone), when the
/// host begins to stop (so shutdown is not held up), or when <see cref="UploadOptions.ParseTimeout"/> has passed.
/// </summary>
public sealed class UploadParseBudget(IOptions<UploadOptions> options, IHostApplicationLifetime lifetime, TimeProvider time)
{
    public const string TimedOut = "号码文件读取超时，请删除多余内容或拆分后分批上传";
    public const string Stopping = "服务器正在重启，号码文件未读完，请稍后重新预览";

    public Scope Start(CancellationToken requestAborted) => new(options.Value.ParseTimeout, requestAborted, lifetime.ApplicationStopping, time);

    public sealed class Scope : IDisposable
    {
        private readonly CancellationTokenSource _timeout;
        private readonly CancellationTokenSource _linked;
        private readonly CancellationToken _requestAborted;
        private readonly CancellationToken _stopping;

        internal Scope(TimeSpan budget, CancellationToken requestAborted, CancellationToken stopping, TimeProvider time)
        {
            _timeout = new CancellationTokenSource(budget, time);
            _linked = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, stopping, _timeout.Token);
            _requestAborted = requestAborted;
            _stopping = stopping;
        }

        public CancellationToken Token => _linked.Token;

        /// <summary>
        /// Why reading was stopped, for the customer: null when the request itself was aborted, as then nobody
        /// is left to tell.
        /// </summary>
        public string? Refusal =>
            _requestAborted.IsCancellationRequested ? null
            : _stopping.IsCancellationRequested ? Stopping
            : _timeout.IsCancellationRequested ? TimedOut
            : null;

        public void Dispose()
        {
            _linked.Dispose();
            _timeout.Dispose();
        }
    }
}
