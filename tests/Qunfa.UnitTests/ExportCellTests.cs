using Qunfa.Web.Features.Sending.Records;
using Qunfa.Web.Infrastructure.Export;

namespace Qunfa.UnitTests;

public sealed class ExportCellTests
{
    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+8613800000000", "'+8613800000000")]
    [InlineData("-失败", "'-失败")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("13800000000", "13800000000")]
    [InlineData("【签名】内容=1", "【签名】内容=1")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Text_NeutralisesWhatASpreadsheetWouldEvaluate(string? text, string expected) =>
        Assert.Equal(expected, SpreadsheetCell.Text(text));

    [Fact]
    public void FileName_NamesTheFilters_AndReplacesWhatAFileSystemRefuses()
    {
        var byNumber = new RecordQuery(RecordQueryMode.Phone, "13800000000", null, RecordStatusFilter.Failed, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 28), null);
        Assert.Equal("发送记录_13800000000_发送失败_20261101-20261128.xlsx", RecordExport.FileName(byNumber, TableFormat.Xlsx));
        var byTemplate = byNumber with { Mode = RecordQueryMode.Template, Phone = null, Template = "通知/模板", Status = RecordStatusFilter.All };
        Assert.Equal("发送记录_通知_模板_全部_20261101-20261128.csv", RecordExport.FileName(byTemplate, TableFormat.Csv));
    }

    [Fact]
    public void FileName_ReplacesWhatWouldBreakADownloadHeader() =>
        Assert.Equal("订单列表_a_b_c_d_e.xlsx", TableFile.FileName(["订单列表", "a\"b,c;d\\e"], TableFormat.Xlsx));

    [Theory]
    [InlineData("phone", "138 0000 0000", "", "all", "2026-11-01", "2026-11-28", null)]
    [InlineData("phone", "+86 138-0000-0000", "", "failed", "2026-11-01", "2026-11-01", null)]
    [InlineData("phone", "1380000000", "", "all", "2026-11-01", "2026-11-28", "请输入正确的手机号（11位数字）")]
    [InlineData("phone", "23800000000", "", "all", "2026-11-01", "2026-11-28", "请输入正确的手机号（11位数字）")]
    [InlineData("phone", "138000000000000000000", "", "all", "2026-11-01", "2026-11-28", "请输入正确的手机号（11位数字）")]
    [InlineData("template", "138", "SMS_1", "waiting", "2026-08-29", "2026-11-28", null)]
    [InlineData("template", "138", "SMS_1", "waiting", "2026-08-28", "2026-11-28", "查询区间不能超过92天")]
    [InlineData("template", "", "SMS_1", "all", "2026-11-28", "2026-11-27", "结束日期不能早于开始日期")]
    [InlineData("template", "", "SMS_1", "all", "2026/11/01", "2026-11-27", "日期格式不正确，应为年-月-日")]
    public void Parse_ChecksNumberTemplateAndRange(string by, string phone, string template, string status, string from, string to, string? error)
    {
        var (query, outcome) = RecordQuery.Parse(by, phone, template, status, from, to, null);
        if (error is null)
        {
            Assert.True(outcome.Succeeded);
            Assert.NotNull(query);
        }
        else
        {
            Assert.Null(query);
            Assert.Contains(error, outcome.Errors.Values.SelectMany(m => m));
        }
    }
}
