using System.IO.Compression;
using Qunfa.Web.Features.Sending.Recipients;
using static Qunfa.UnitTests.Sending.RecipientFiles;

namespace Qunfa.UnitTests.Sending;

public sealed class RecipientFileTypeTests
{
    private static readonly byte[] OleHeader = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

    [Fact]
    public void Xlsx_WithHeaderAndVariableColumns()
    {
        var file = Xlsx([
            new() { ["手机号"] = "13800138000", ["name"] = "张三", ["amount"] = 12.5 },
            new() { ["手机号"] = 13900139000L, ["name"] = "李四", ["amount"] = 3 },
        ]);
        var rows = Rows(file, "list.xlsx");
        Assert.Equal(["13800138000", "13900139000"], rows.Select(r => r.RawPhone));
        Assert.Equal([2, 3], rows.Select(r => r.LineNumber));
        Assert.Equal("张三", rows[0].Variables!["name"]);
        Assert.Equal("12.5", rows[0].Variables!["amount"]);
        Assert.Equal("3", rows[1].Variables!["amount"]);
    }

    [Fact]
    public void Xlsx_WithoutHeader_FirstColumnIsTheNumber_TheRestFollowTheTemplate()
    {
        var file = Xlsx([new() { ["a"] = 13800138000L, ["b"] = "张三" }, new() { ["a"] = "13900139000", ["b"] = "李四" }], printHeader: false);
        var rows = Rows(file, "list.xlsx", ["name"]);
        Assert.Equal(["13800138000", "13900139000"], rows.Select(r => r.RawPhone));
        Assert.Equal([1, 2], rows.Select(r => r.LineNumber));
        Assert.Equal("李四", rows[1].Variables!["name"]);
    }

    [Fact]
    public void Xlsx_IsRecognisedByContent_EvenWithoutAName() =>
        Assert.Single(Rows(Xlsx([new() { ["phone"] = "13800138000" }])));

    [Fact]
    public void TextFile_RenamedToXlsx_IsRefused() =>
        Assert.Equal(RecipientMessages.ExtensionMismatch, Refusal(Text("13800138000\n"), "list.xlsx"));

    [Fact]
    public void Xlsx_RenamedToCsv_IsRefused() =>
        Assert.Equal(RecipientMessages.ExtensionMismatch, Refusal(Xlsx([new() { ["phone"] = "13800138000" }]), "list.csv"));

    [Theory]
    [InlineData("list.xls")]
    [InlineData("list.xlsx")]
    [InlineData(null)]
    public void OldXls_IsRefusedByItsMagic_WhateverTheName(string? name) =>
        Assert.Equal(RecipientMessages.OldXls, Refusal(new MemoryStream(OleHeader), name));

    [Theory]
    [InlineData("list.pdf")]
    [InlineData("list.docx")]
    [InlineData("list")]
    public void OtherExtensions_AreRefused(string name) =>
        Assert.Equal(RecipientMessages.WrongFileType, Refusal(Text("13800138000\n"), name));

    [Fact]
    public void ZipThatIsNotAWorkbook_IsRefused()
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(archive.CreateEntry("numbers.txt").Open()))
            writer.Write("13800138000");
        zip.Position = 0;
        Assert.Equal(RecipientMessages.WrongFileType, Refusal(zip, "list.xlsx"));
    }

    [Fact]
    public void TruncatedZip_IsRefusedAsBroken() =>
        Assert.Equal(RecipientMessages.BrokenXlsx, Refusal(new MemoryStream([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), "list.xlsx"));

    [Fact]
    public void BinaryContent_IsRefused() =>
        Assert.Equal(RecipientMessages.NotText, Refusal(new MemoryStream([0x31, 0x33, 0x00, 0x38, 0xFF, 0x00]), "list.txt"));

    [Fact]
    public void ControlCharacters_AreRefused() =>
        Assert.Equal(RecipientMessages.NotText, Refusal(Text("13800138000\u0001\n"), "list.txt"));
}
