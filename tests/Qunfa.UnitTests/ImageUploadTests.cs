using Qunfa.Web.Features.Uploads;

namespace Qunfa.UnitTests;

public sealed class ImageUploadTests
{
    [Fact]
    public void DetectType_Png_IsPng() =>
        Assert.Equal("image/png", ImageUpload.DetectType([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]));

    [Fact]
    public void DetectType_Jpeg_IsJpeg() =>
        Assert.Equal("image/jpeg", ImageUpload.DetectType([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]));

    [Fact]
    public void DetectType_Gif_IsGif_ButNotALogo() =>
        Assert.Equal("image/gif", ImageUpload.DetectType("GIF89a\u0001\u0000"u8));

    [Theory]
    [InlineData("<svg xmlns='http://www.w3.org/2000/svg'/>")]
    [InlineData("\u0089PN")]
    [InlineData("")]
    public void DetectType_AnythingElse_IsNull(string content) =>
        Assert.Null(ImageUpload.DetectType(System.Text.Encoding.Latin1.GetBytes(content)));
}
