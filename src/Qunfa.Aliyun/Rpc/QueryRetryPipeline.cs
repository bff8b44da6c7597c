using Polly;
using Polly.Retry;
using Qunfa.Aliyun.Configuration;
using Qunfa.Aliyun.Errors;

namespace Qunfa.Aliyun.Rpc;

/// <summary>Retry + total timeout around a whole signed call, so each attempt is signed anew.</summary>
internal static class QueryRetryPipeline
{
    public static ResiliencePipeline<RpcResponse> Build(AliyunOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder<RpcResponse> { TimeProvider = timeProvider }
            .AddTimeout(options.QueryTotalTimeout);
        if (options.QueryRetryCount > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<RpcResponse>
            {
                MaxRetryAttempts = options.QueryRetryCount,
                Delay = options.QueryRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.QueryRetryDelay > TimeSpan.Zero,
                ShouldHandle = new PredicateBuilder<RpcResponse>()
                    .HandleResult(response => response.Outcome == AliyunOutcome.Retryable)
                    .Handle<AliyunApiException>(ex => ex.Outcome == AliyunOutcome.Retryable),
            });
        }

        return builder.Build();
    }
}
