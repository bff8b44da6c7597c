namespace Qunfa.Web.Domain.Admins;

/// <summary>How 管理员日志 names each action (Chinese; the English lives in the resources like every label).</summary>
public static class AdminActionNames
{
    /// <summary>Actions on another admin or a role, whose entry shows which (the email or role name kept as its detail).</summary>
    public static bool NamesItsTarget(AdminAction action) => action is AdminAction.AddAdmin or AdminAction.EditAdmin
        or AdminAction.DisableAdmin or AdminAction.EnableAdmin or AdminAction.ResetAdminPassword or AdminAction.RemoveAdmin
        or AdminAction.AddRole or AdminAction.EditRole or AdminAction.DeleteRole;

    public static string Of(AdminAction action) => action switch
    {
        AdminAction.Login => "管理员登录",
        AdminAction.Logout => "安全退出",
        AdminAction.CompleteSetup => "完成初始化",
        AdminAction.UpdatePortalProfile => "修改配置信息",
        AdminAction.UpdateCarrierAccount => "编辑AK信息",
        AdminAction.UpdatePaymentSettings => "修改支付配置",
        AdminAction.EditCustomer => "编辑用户信息",
        AdminAction.FreezeCustomer => "冻结账号",
        AdminAction.UnfreezeCustomer => "恢复账号",
        AdminAction.DeleteSignature => "彻底删除签名",
        AdminAction.DeleteTemplate => "彻底删除模板",
        AdminAction.AssignSignature => "分配签名",
        AdminAction.AssignTemplate => "分配模板",
        AdminAction.AddProduct => "添加短信包",
        AdminAction.EditProduct => "修改短信包",
        AdminAction.DeleteProduct => "删除短信包",
        AdminAction.AllocateGrant => "分配短信包",
        AdminAction.EditGrant => "修改用户短信包",
        AdminAction.ChangeOrderPrice => "订单改价",
        AdminAction.PurgeOrders => "删除订单",
        AdminAction.ExportOrders => "导出订单",
        AdminAction.RebuildRollups => "重建发送量统计",
        AdminAction.ExportSendRecords => "导出发送记录",
        AdminAction.ExportSendVolume => "导出发送量统计",
        AdminAction.EnableTwoFactor => "启用两步验证",
        AdminAction.DisableTwoFactor => "关闭两步验证",
        AdminAction.TwoFactorLogin => "两步验证登录",
        AdminAction.RecoveryCodeLogin => "恢复码登录",
        AdminAction.RequireTwoFactor => "修改两步验证要求",
        AdminAction.AddAdmin => "添加管理员",
        AdminAction.EditAdmin => "编辑管理员",
        AdminAction.DisableAdmin => "停用管理员",
        AdminAction.EnableAdmin => "启用管理员",
        AdminAction.ResetAdminPassword => "重置管理员密码",
        AdminAction.RemoveAdmin => "删除管理员",
        AdminAction.AddRole => "添加角色",
        AdminAction.EditRole => "编辑角色",
        AdminAction.DeleteRole => "删除角色",
        AdminAction.ChangeOwnPassword => "修改登录密码",
        _ => action.ToString(),
    };
}
