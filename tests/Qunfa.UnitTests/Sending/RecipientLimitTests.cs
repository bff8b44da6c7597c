using Qunfa.Web.Features.Sending.Recipients;
using static Qunfa.UnitTests.Sending.RecipientFiles;

namespace Qunfa.UnitTests.Sending;

public sealed class RecipientLimitTests
{
    [Fact]
    public void RowLimit_IsExact()
    {
        Assert.Equal(10, RecipientReader.ReadFile(new GeneratedStream(10, i => $"138{i:D8}"), new RecipientReadOptions(MaxRows: 10)).Count());
        Assert.Equal(RecipientMessages.TooManyRows, Refusal(new GeneratedStream(11, i => $"138{i:D8}"), options: new RecipientReadOptions(MaxRows: 10)));
    }

    [Fact]
    public void HeaderRow_DoesNotCountTowardsTheRowLimit() =>
        Assert.Equal(3, RecipientReader.ReadFile(Text("手机号\n13800138000\n13900139000\n13700137000\n"), new RecipientReadOptions(MaxRows: 3)).Count());

    [Fact]
    public void MoreThanAMillionRows_RefusesTheWholeFile()
    {
        var list = RecipientListBuilder.Build(RecipientReader.ReadFile(new GeneratedStream(1_000_001, i => $"13{i:D9}"), new RecipientReadOptions("big.txt")));
        Assert.Equal([RecipientMessages.TooManyRows], list.Problems);
        Assert.Equal(0, list.ValidCount);
        Assert.False(list.IsAccepted);
    }

    [Fact]
    public void TextBox_OverTheRowLimit_IsRefused() =>
        Assert.Equal([RecipientMessages.TooManyRows], RecipientListBuilder.Build(RecipientReader.ReadTextBox("13800138000,13900139000,13700137000", maxRows: 2)).Problems);

    [Fact]
    public void ForwardOnlyUploadOver50MB_IsRefused_WithoutKeepingIt()
    {
        var padding = new string('a', 100);
        var list = RecipientListBuilder.Build(RecipientReader.ReadFile(new GeneratedStream(600_000, i => $"138{i % 100_000_000:D8},{padding}"), new RecipientReadOptions("big.csv")));
        Assert.Equal([RecipientMessages.FileTooLarge], list.Problems);
        Assert.Equal(0, list.ValidCount);
    }

    [Fact]
    public void SeekableUploadOver50MB_IsRefusedFromItsLength_BeforeReading() =>
        Assert.Equal(RecipientMessages.FileTooLarge, Refusal(new ClaimedLengthStream(RecipientReader.MaxBytes + 1), "big.csv"));

    [Fact]
    public void SmallerByteLimit_CanBeConfigured() =>
        Assert.Equal(RecipientMessages.FileTooLarge, Refusal(Text("13800138000\n13900139000\n"), options: new RecipientReadOptions(MaxBytes: 12)));

    [Fact]
    public void MissingFile_IsRefused() =>
        Assert.Equal([RecipientMessages.NoFile], RecipientListBuilder.Build(RecipientReader.ReadFile(null)).Problems);
}
