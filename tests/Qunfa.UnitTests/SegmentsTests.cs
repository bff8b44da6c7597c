using Qunfa.Web.Domain.Messaging;

namespace Qunfa.UnitTests;

public sealed class SegmentsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    [InlineData(500, 8)]
    public void Count_FollowsThe70And67Rule(int length, int segments) =>
        Assert.Equal(segments, Segments.Count(new string('字', length)));

    [Fact]
    public void Count_Over500Characters_IsZero_ForRefusal() =>
        Assert.Equal(0, Segments.Count(new string('a', 501)));

    [Fact]
    public void Length_CountsCodePoints_SoAnEmojiIsOne() =>
        Assert.Equal(3, Segments.Length("a😀b"));

    [Fact]
    public void Compose_PutsTheSignatureInBrackets() =>
        Assert.Equal("【云顶云】您好", Segments.Compose("云顶云", "您好"));
}

public sealed class TemplateTextTests
{
    [Fact]
    public void Variables_AreFoundOnceEach() =>
        Assert.Equal(["name", "code"], TemplateText.Variables("${name}您好，验证码${code}，${name}"));

    [Theory]
    [InlineData("您好${name}", true)]
    [InlineData("没有变量", true)]
    [InlineData("坏的${}变量", false)]
    [InlineData("坏的${1abc}变量", false)]
    [InlineData("未闭合${name", false)]
    public void IsWellFormed_ChecksEveryVariable(string content, bool expected) =>
        Assert.Equal(expected, TemplateText.IsWellFormed(content));

    [Fact]
    public void Fill_ReplacesKnownVariables() =>
        Assert.Equal("验证码123456", TemplateText.Fill("验证码${code}", new Dictionary<string, string> { ["code"] = "123456" }));
}
