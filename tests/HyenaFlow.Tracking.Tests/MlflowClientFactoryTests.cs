using HyenaFlow.Tracking.FileStore;
using HyenaFlow.Tracking.Rest;
using HyenaFlow.Tracking.Tests.Support;

namespace HyenaFlow.Tracking.Tests;

public sealed class MlflowClientFactoryTests
{
    [Fact]
    public void Http_and_https_uris_give_the_rest_client()
    {
        var client = Assert.IsType<RestMlflowClient>(MlflowClientFactory.Create("https://mlflow.example.org/prefix"));

        Assert.Equal("https://mlflow.example.org/prefix/", client.TrackingUri.AbsoluteUri);
        Assert.IsType<RestMlflowClient>(MlflowClientFactory.Create("http://127.0.0.1:5000"));
    }

    [Fact]
    public void Paths_and_file_uris_give_the_file_store()
    {
        using var temp = new TempDirectory("factory");
        var fromPath = Assert.IsType<FileMlflowClient>(MlflowClientFactory.Create(temp.File("a")));
        var fromUri = Assert.IsType<FileMlflowClient>(MlflowClientFactory.Create(new Uri(temp.File("b")).AbsoluteUri));

        Assert.Equal(temp.File("a"), fromPath.Root);
        Assert.Equal(temp.File("b"), fromUri.Root);
        Assert.True(File.Exists(Path.Combine(temp.File("b"), "0", "meta.yaml")));
    }

    [Fact]
    public void Other_backends_are_refused_clearly()
    {
        var error = Assert.Throws<NotSupportedException>(() => MlflowClientFactory.Create("postgresql://user@db/mlflow"));

        Assert.Contains("MLFLOW_TRACKING_URI", error.Message);
    }

    [Fact]
    public void Credentials_become_bearer_or_basic_authorization()
    {
        Assert.Equal("Bearer t0k", MlflowClientFactory.AuthorizationFrom("t0k", "u", "p")!.ToString());
        Assert.Equal("Basic dTpw", MlflowClientFactory.AuthorizationFrom(null, "u", "p")!.ToString());
        Assert.Null(MlflowClientFactory.AuthorizationFrom(null, null, null));
    }
}
