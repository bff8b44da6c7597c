using System.Text;
using Qunfa.Web.Features.Sending.Recipients;
using static Qunfa.UnitTests.Sending.RecipientFiles;

namespace Qunfa.UnitTests.Sending;

public sealed class RecipientReaderTests
{
    [Fact]
    public void TextBox_TakesLinesCommasAndSpacesBetweenWholeNumbers()
    {
        var rows = RecipientReader.ReadTextBox("13800138000,13900139000\n13700137000 13600136000；13500135000\n\n138 0013 8000\r\n").ToList();
        Assert.Equal(["13800138000", "13900139000", "13700137000", "13600136000", "13500135000", "138 0013 8000"], rows.Select(r => r.RawPhone));
        Assert.Equal([1, 1, 2, 2, 2, 4], rows.Select(r => r.LineNumber));
    }

    [Fact]
    public void TxtFile_OneNumberALine_SkipsBlankLines()
    {
        var rows = Rows(Text("13800138000\r\n\r\n  13900139000  \r\n"), "numbers.txt");
        Assert.Equal(["13800138000", "13900139000"], rows.Select(r => r.RawPhone));
        Assert.Equal([1, 3], rows.Select(r => r.LineNumber));
        Assert.All(rows, r => Assert.Null(r.Variables));
    }

    [Fact]
    public void Csv_WithHeader_NamesTheVariables_AndFindsThePhoneColumnAnywhere()
    {
        var rows = Rows(Text("姓名,手机号,code\n张三,13800138000,1234\n李四,13900139000,\n"), "list.csv");
        Assert.Equal(["13800138000", "13900139000"], rows.Select(r => r.RawPhone));
        Assert.Equal([2, 3], rows.Select(r => r.LineNumber));
        Assert.Equal("张三", rows[0].Variables!["姓名"]);
        Assert.Equal("1234", rows[0].Variables!["code"]);
        Assert.False(rows[1].Variables!.ContainsKey("code"));
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("Mobile")]
    [InlineData("号码")]
    [InlineData("手机号码")]
    [InlineData("Phone Number")]
    public void Csv_HeaderNamesForThePhoneColumn(string header) =>
        Assert.Equal("13800138000", Assert.Single(Rows(Text($"{header},name\n13800138000,张三\n"))).RawPhone);

    [Fact]
    public void Csv_WithoutHeader_ExtraColumnsFollowTheTemplateVariablesInOrder()
    {
        var row = Assert.Single(Rows(Text("13800138000,张三,1234,ignored\n"), "list.csv", ["name", "code"]));
        Assert.Equal(1, row.LineNumber);
        Assert.Equal("张三", row.Variables!["name"]);
        Assert.Equal("1234", row.Variables!["code"]);
        Assert.Equal(2, row.Variables.Count);
    }

    [Fact]
    public void Csv_QuotedFields_WithCommasQuotesAndLineBreaks()
    {
        var rows = Rows(Text("手机号,address,note\n\"13800138000\",\"北京市,朝阳区\",\"他说\"\"你好\"\"\"\n13900139000,\"两行\n地址\",x\n13700137000,a,b\n"));
        Assert.Equal("北京市,朝阳区", rows[0].Variables!["address"]);
        Assert.Equal("他说\"你好\"", rows[0].Variables!["note"]);
        Assert.Equal("两行\n地址", rows[1].Variables!["address"]);
        Assert.Equal([2, 3, 5], rows.Select(r => r.LineNumber));
    }

    [Fact]
    public void Csv_TabSeparated_AsExcelUnicodeTextWithItsBom()
    {
        var rows = Rows(new MemoryStream([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("手机号\tname\r\n13800138000\t张三\r\n")]), "list.txt");
        Assert.Equal("张三", Assert.Single(rows).Variables!["name"]);
    }

    [Fact]
    public void Csv_Utf8WithBom_HeaderIsRecognised()
    {
        var row = Assert.Single(Rows(Text("手机号,name\n13800138000,张三\n", bom: true), "list.csv"));
        Assert.Equal("张三", row.Variables!["name"]);
    }

    [Fact]
    public void Csv_InGbk_AsExcelInChinaWritesIt()
    {
        var row = Assert.Single(Rows(Text("手机号,姓名\r\n13800138000,张三丰\r\n", Gbk), "list.csv"));
        Assert.Equal("张三丰", row.Variables!["姓名"]);
    }

    [Fact]
    public void Csv_UnclosedQuote_IsRefusedWithItsLine() =>
        Assert.Equal(string.Format(RecipientMessages.CsvUnclosedQuote, 3), Refusal(Text("手机号,name\n13800138000,a\n13900139000,\"b\n13700137000,c\n"), "list.csv"));

    [Fact]
    public void Csv_StrayQuote_IsRefusedWithItsLine() =>
        Assert.Equal(string.Format(RecipientMessages.CsvBadQuote, 2), Refusal(Text("13800138000,a\n13900139000,b\"c\n"), "list.csv"));

    [Fact]
    public void Csv_TextAfterAClosingQuote_IsRefused() =>
        Assert.Equal(string.Format(RecipientMessages.CsvBadQuote, 1), Refusal(Text("13800138000,\"a\"b\n")));

    [Fact]
    public void Csv_OverlongField_IsRefused() =>
        Assert.Equal(string.Format(RecipientMessages.FieldTooLong, 1), Refusal(Text("13800138000," + new string('a', 5000) + "\n")));

    [Fact]
    public void Csv_RowsAcrossReadBufferBoundaries_KeepQuotesAndLineEndings()
    {
        var content = "手机号,note\r\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"138{i:D8},\"第{i}行,含逗号\"\"引号\"\"\"\r\n"));
        var rows = Rows(Text(content), "big.csv");
        Assert.Equal(20_000, rows.Count);
        Assert.All(rows, (r, i) =>
        {
            Assert.Equal($"138{i:D8}", r.RawPhone);
            Assert.Equal($"第{i}行,含逗号\"引号\"", r.Variables!["note"]);
            Assert.Equal(i + 2, r.LineNumber);
        });
    }

    [Fact]
    public void Csv_SpacesAroundQuotedFields_AreTolerated() =>
        Assert.Equal("北京,朝阳", Assert.Single(Rows(Text("手机号, address\n13800138000, \"北京,朝阳\" \n"))).Variables!["address"]);

    [Fact]
    public void Text_NeitherUtf8NorGbk_IsRefused() =>
        Assert.Equal(RecipientMessages.UnknownEncoding, Refusal(new MemoryStream([.. "13800138000,"u8, 0xE9, 0x33, 0x33, 0x0A]), "list.csv"));
}
