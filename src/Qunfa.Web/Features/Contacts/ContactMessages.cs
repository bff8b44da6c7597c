namespace Qunfa.Web.Features.Contacts;

public static class ContactMessages
{
    public const string GroupNameRequired = "请填写分组名称";
    public const string GroupNameTooLong = "分组名称不能超过50个字符";
    public const string RemarkTooLong = "备注不能超过200个字符";
    public const string GroupNameTaken = "已有同名分组";
    public const string GroupNotFound = "分组不存在";
    public const string ChooseGroup = "请选择要导入的分组";
    public const string NoFile = "请选择要导入的号码文件";
    public const string ImportExpired = "预览已过期，请重新上传文件";
    public const string Imported = "已导入 {0} 个联系人";
    public const string GroupCreated = "分组已创建";
    public const string GroupDeleted = "分组已删除";
    public const string ContactsDeleted = "已删除 {0} 个联系人";
    public const string NothingChosen = "请先勾选要删除的联系人";
    public const string UnknownGroups = "分组不存在或不属于您：{0}";
}
