namespace Qunfa.Web.Domain.Settings;

/// <summary>Chosen explicitly by the operator; nothing falls back from one to the other.</summary>
public enum CarrierKind
{
    Aliyun,
    Sandbox,
}
