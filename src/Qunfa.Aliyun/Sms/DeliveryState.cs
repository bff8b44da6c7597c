namespace Qunfa.Aliyun.Sms;

public enum DeliveryState
{
    /// <summary>Submitted, waiting for the carrier's receipt (SendStatus 1).</summary>
    Pending,

    /// <summary>SendStatus 3 / success = true.</summary>
    Delivered,

    /// <summary>SendStatus 2 / success = false.</summary>
    Failed,
}
