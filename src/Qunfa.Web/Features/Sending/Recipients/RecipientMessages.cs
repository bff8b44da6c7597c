namespace Qunfa.Web.Features.Sending.Recipients;

/// <summary>Chinese refusals for recipient lists; they double as resource keys.</summary>
public static class RecipientMessages
{
    public const string NoFile = "请选择号码文件";
    public const string FileTooLarge = "文件不能超过50MB";
    public const string TooManyRows = "号码不能超过100万行，请拆分后分批发送";
    public const string WrongFileType = "只支持TXT、CSV、XLSX格式的号码文件";
    public const string ExtensionMismatch = "文件内容与扩展名不符，请上传真实的TXT、CSV或XLSX文件";
    public const string OldXls = "不支持旧版Excel（.xls）文件，请在Excel中另存为.xlsx或.csv后上传";
    public const string NotText = "文件内容不是文本，请上传TXT、CSV或XLSX文件";
    public const string UnknownEncoding = "无法识别文件编码，请保存为UTF-8或GBK编码后上传";
    public const string BrokenXlsx = "Excel文件已损坏或无法读取，请重新保存后上传";
    public const string XlsxTooLargeUnpacked = "Excel文件解压后过大，请删除多余内容或拆分后上传";
    public const string CsvUnclosedQuote = "第{0}行：引号未闭合，CSV格式错误";
    public const string CsvBadQuote = "第{0}行：引号使用不正确，CSV格式错误";
    public const string FieldTooLong = "第{0}行：内容过长";
    public const string Empty = "没有找到手机号码";
    public const string AllInvalid = "所有号码均无效，请检查后重新上传";

    public const string InvalidFormat = "号码格式不正确";
    public const string NotMobile = "不是手机号码，固定电话等号码无法接收短信";
    public const string InternationalNeedsTemplate = "国际/港澳台号码需使用国际/港澳台短信模板";
    public const string MainlandOnInternational = "国际/港澳台短信模板不能发送中国内地号码";
    public const string MissingPhone = "缺少手机号码";
    public const string MissingVariable = "缺少变量{0}的值";
}
