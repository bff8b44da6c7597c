namespace Qunfa.Web.Domain.Sending;

/// <summary>发送类型: where a task's numbers came from.</summary>
public enum SendSource
{
    /// <summary>文本形式: typed or pasted into 发送短信.</summary>
    Text,
    /// <summary>文件形式: an uploaded TXT/CSV/XLSX list.</summary>
    File,
    /// <summary>接口发送: the HTTP API or the Alibaba-compatible endpoint.</summary>
    Api,
}
