namespace Qunfa.Alipay.Common;

/// <summary>The gateway could not be reached, or answered something that is not a valid, verifiable Alipay response.</summary>
public sealed class AlipayException : Exception
{
    public AlipayException(string message)
        : base(message)
    {
    }

    public AlipayException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AlipayException()
    {
    }
}
