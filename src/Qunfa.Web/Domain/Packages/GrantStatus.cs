namespace Qunfa.Web.Domain.Packages;

/// <summary>用户短信包 status; "expired" is not a status but follows from the expiry date.</summary>
public enum GrantStatus
{
    /// <summary>正常.</summary>
    Active,
    /// <summary>失效.</summary>
    Invalid,
    /// <summary>冻结.</summary>
    Frozen,
}

/// <summary>Where a grant came from.</summary>
public enum GrantSource
{
    /// <summary>管理员分配.</summary>
    Allocated,
    /// <summary>购买.</summary>
    Purchased,
}
