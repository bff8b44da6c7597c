namespace Qunfa.Web.Domain.Messaging;

/// <summary>How a signature or template came to a customer: applied for through the platform, or 分配 by the admin.</summary>
public enum Origin
{
    Applied,
    Assigned,
}
