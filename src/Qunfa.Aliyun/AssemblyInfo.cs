using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Qunfa.Aliyun.Tests")]
