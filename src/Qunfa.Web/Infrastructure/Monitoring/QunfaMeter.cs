namespace Qunfa.Web.Infrastructure.Monitoring;

/// <summary>The meter every Qunfa instrument belongs to; /metrics exports it with the runtime and process ones.</summary>
public static class QunfaMeter
{
    public const string Name = "Qunfa";
}
