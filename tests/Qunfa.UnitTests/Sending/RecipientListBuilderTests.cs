using System.Text;
using Qunfa.Web.Features.Sending.Recipients;
using static Qunfa.UnitTests.Sending.RecipientFiles;

namespace Qunfa.UnitTests.Sending;

public sealed class RecipientListBuilderTests
{
    [Fact]
    public void DuplicatesAcrossFormats_FirstOccurrenceWins()
    {
        var list = RecipientListBuilder.Build(RecipientReader.ReadTextBox("138-0013-8000\n+8613800138000\n0086 138 0013 8000\n13900139000\n8613900139000"));
        Assert.Equal(["13800138000", "13900139000"], list.Valid.Select(v => v.Phone));
        Assert.Equal(3, list.DuplicateCount);
        Assert.Equal(0, list.InvalidCount);
        Assert.True(list.IsAccepted);
    }

    [Fact]
    public void InvalidRows_AreCountedAndSampledWithLineAndReason()
    {
        var list = RecipientListBuilder.Build(RecipientReader.ReadTextBox("13800138000\n010-12345678\nabc\n+85291234567"));
        Assert.Equal(1, list.ValidCount);
        Assert.Equal(3, list.InvalidCount);
        Assert.Equal(
            [new(2, "010-12345678", RecipientMessages.NotMobile), new(3, "abc", RecipientMessages.InvalidFormat), new(4, "+85291234567", RecipientMessages.InternationalNeedsTemplate)],
            list.InvalidSamples);
    }

    [Fact]
    public void InvalidSamples_AreCapped_ButAllAreCounted()
    {
        var list = RecipientListBuilder.Build(RecipientReader.ReadTextBox(string.Join('\n', Enumerable.Repeat("123", 50)) + "\n13800138000"), new RecipientListOptions(MaxInvalidSamples: 5));
        Assert.Equal(50, list.InvalidCount);
        Assert.Equal(5, list.InvalidSamples.Count);
        Assert.Equal(1, list.ValidCount);
    }

    [Fact]
    public void InternationalTemplate_KeepsOnlyInternationalNumbers()
    {
        var list = RecipientListBuilder.Build(RecipientReader.ReadTextBox("+85291234567\n13800138000\n0085291234567"), new RecipientListOptions(International: true));
        Assert.Equal("85291234567", Assert.Single(list.Valid).Phone);
        Assert.Equal(1, list.DuplicateCount);
        Assert.Equal(RecipientMessages.MainlandOnInternational, Assert.Single(list.InvalidSamples).Reason);
    }

    [Fact]
    public void RowValues_OverrideTheForm_AndRowsMissingAValueAreInvalid()
    {
        var csv = Text("手机号,name\n13800138000,张三\n13900139000,\n13700137000,王五\n");
        var options = new RecipientListOptions(TemplateVariables: ["name", "code"], CommonValues: new Dictionary<string, string> { ["code"] = "8888" });
        var list = RecipientListBuilder.Build(RecipientReader.ReadFile(csv, new RecipientReadOptions("list.csv", ["name", "code"])), options);

        Assert.Equal(2, list.ValidCount);
        Assert.Equal(new Dictionary<string, string> { ["name"] = "张三", ["code"] = "8888" }, list.Valid[0].Variables);
        Assert.Equal("王五", list.Valid[1].Variables!["name"]);
        var invalid = Assert.Single(list.InvalidSamples);
        Assert.Equal(3, invalid.LineNumber);
        Assert.Equal(string.Format(RecipientMessages.MissingVariable, "name"), invalid.Reason);
    }

    [Fact]
    public void RowMissingAValue_DoesNotBlockALaterCompleteRowForTheSameNumber()
    {
        var rows = new[] { new RecipientRow(1, "13800138000", null), new RecipientRow(2, "13800138000", new Dictionary<string, string> { ["name"] = "张三" }) };
        var list = RecipientListBuilder.Build(rows, new RecipientListOptions(TemplateVariables: ["name"]));
        Assert.Equal("张三", Assert.Single(list.Valid).Variables!["name"]);
        Assert.Equal(0, list.DuplicateCount);
        Assert.Equal(string.Format(RecipientMessages.MissingVariable, "name"), Assert.Single(list.InvalidSamples).Reason);
    }

    [Fact]
    public void HeaderNamesMatchVariablesIgnoringCase()
    {
        var list = RecipientListBuilder.Build(RecipientReader.ReadFile(Text("Phone,Name\n13800138000,张三\n")), new RecipientListOptions(TemplateVariables: ["name"]));
        Assert.Equal("张三", Assert.Single(list.Valid).Variables!["name"]);
    }

    [Fact]
    public void MissingPhoneInAHeaderFile_IsInvalid()
    {
        var list = RecipientListBuilder.Build(RecipientReader.ReadFile(Text("手机号,name\n,张三\n13800138000,李四\n")));
        Assert.Equal(RecipientMessages.MissingPhone, Assert.Single(list.InvalidSamples).Reason);
    }

    [Fact]
    public void EmptyInput_IsAProblem()
    {
        Assert.Equal([RecipientMessages.Empty], RecipientListBuilder.Build(RecipientReader.ReadTextBox("  \n ")).Problems);
        Assert.Equal([RecipientMessages.Empty], RecipientListBuilder.Build(RecipientReader.ReadFile(Text("手机号\n\n"), new RecipientReadOptions("list.csv"))).Problems);
    }

    [Fact]
    public void AllInvalid_IsAProblem_ButTheInvalidListStaysForDownload()
    {
        var list = RecipientListBuilder.Build(RecipientReader.ReadTextBox("123\n010-12345678"));
        Assert.Equal([RecipientMessages.AllInvalid], list.Problems);
        Assert.Equal(2, list.InvalidSamples.Count);
        Assert.False(list.IsAccepted);
    }

    [Fact]
    public void BrokenFile_KeepsNothing()
    {
        var list = RecipientListBuilder.Build(RecipientReader.ReadFile(Text("13800138000\n13900139000\n\"13700137000\n"), new RecipientReadOptions("list.csv")));
        Assert.Equal([string.Format(RecipientMessages.CsvUnclosedQuote, 3)], list.Problems);
        Assert.Equal(0, list.ValidCount);
        Assert.Equal(0, list.InvalidCount);
    }

    [Fact]
    public void InvalidList_DownloadsAsCsvForExcel()
    {
        var list = RecipientListBuilder.Build(RecipientReader.ReadTextBox("13800138000\n+85291234567\n=1+2"));
        using var output = new MemoryStream();
        list.WriteInvalidCsv(output);
        var bytes = output.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(
            $"行号,号码,原因\r\n2,\"'+85291234567\",\"{RecipientMessages.InternationalNeedsTemplate}\"\r\n3,\"'=1+2\",\"{RecipientMessages.InvalidFormat}\"\r\n",
            Encoding.UTF8.GetString(bytes[3..]));
    }
}
