namespace Qunfa.Web.Domain.Customers;

/// <summary>Why a verification code is sent; each uses its own signature and template from AK 管理.</summary>
public enum CodeScene
{
    Register,
    ResetPassword,
    ChangePhone,
    /// <summary>Accepting an invitation to be a 子账号; sent with the registration scene's template.</summary>
    JoinTeam,
}
