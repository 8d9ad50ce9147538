using Azure.Storage.Blobs;
using HyenaFlow.Deployment.Tests.Support;
using HyenaFlow.Server.Security;
using HyenaFlow.Workflows.Runtime.State;
using Npgsql;

namespace HyenaFlow.Deployment.Tests.Compose;

/// <summary>The environment docker-compose.yml gives HyenaFlow's containers, read by the same parsers the code uses
/// (database setting, blob connection string, listen addresses) and matched against the services it names.</summary>
public sealed class ComposeSettingsTests
{
    private static readonly ComposeFile Compose = ComposeFile.Load();

    private static readonly string[] ClusterSettings = ["HYENAFLOW_DB", "HYENAFLOW_BLOB_CONNECTION_STRING", "MLFLOW_TRACKING_URI", "HYENAFLOW_WORK"];

    [Fact]
    public void HyenaFlow_services_get_only_settings_the_code_reads()
    {
        Assert.NotEmpty(Compose.HyenaFlowServices);
        foreach (var (name, service) in Compose.HyenaFlowServices)
        {
            foreach (var variable in service.Environment.Keys)
                Assert.True(CodeSettings.Reads(variable), $"service {name}: {variable} is read nowhere under src/ (a typo, or a setting that was removed)");
        }
    }

    [Fact]
    public void Every_HyenaFlow_service_gets_the_same_cluster_settings()
    {
        foreach (var setting in ClusterSettings)
        {
            var values = Compose.HyenaFlowServices.Select(s => (s.Key, Value: s.Value.Environment.GetValueOrDefault(setting))).ToList();
            Assert.All(values, v => Assert.False(string.IsNullOrEmpty(v.Value), $"service {v.Key}: {setting} is not set, so it would work on a private store of its own"));
            Assert.True(values.Select(v => v.Value).Distinct().Count() == 1, $"{setting} differs between {string.Join(", ", values.Select(v => v.Key))}");
        }
    }

    [Fact]
    public void The_database_setting_is_the_postgres_service_with_its_own_credentials()
    {
        var setting = DatabaseSetting.Parse(Setting("HYENAFLOW_DB"));
        Assert.Equal(DatabaseProvider.PostgreSql, setting.Provider);
        var connection = new NpgsqlConnectionStringBuilder(setting.ConnectionString);
        var postgres = Service(connection.Host!);
        Assert.StartsWith("postgres:", postgres.Image);
        Assert.Equal(5432, connection.Port);
        Assert.Equal(postgres.Environment["POSTGRES_DB"], connection.Database);
        Assert.Equal(postgres.Environment["POSTGRES_USER"], connection.Username);
        Assert.Equal(postgres.Environment["POSTGRES_PASSWORD"], connection.Password);
        Assert.Equal(ComposeFile.FilledSecrets["POSTGRES_PASSWORD"], connection.Password);
    }

    [Fact]
    public void The_blob_connection_string_reaches_the_azurite_service_on_its_blob_port()
    {
        var client = new BlobServiceClient(Setting("HYENAFLOW_BLOB_CONNECTION_STRING"));
        var azurite = Service(client.Uri.Host);
        Assert.Equal("devstoreaccount1", client.AccountName);
        var command = Docker.Dockerfile.Load(ComposeFile.DockerfileOf(azurite.Build!)).Final.All("CMD").Single().ExecForm().ToList();
        Assert.Equal(client.Uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), command[command.IndexOf("--blobPort") + 1]);
        Assert.Equal("0.0.0.0", command[command.IndexOf("--blobHost") + 1]);
    }

    [Fact]
    public void The_tracking_uri_is_the_mlflow_service_which_accepts_that_host_name()
    {
        var uri = new Uri(Setting("MLFLOW_TRACKING_URI"));
        Assert.Equal("http", uri.Scheme);
        var mlflow = Service(uri.Host);
        Assert.Contains($"--port={uri.Port}", mlflow.Command);
        Assert.Contains("--host=0.0.0.0", mlflow.Command);
        // MLflow ≥ 3.5 answers 403 to a Host header it does not allow; the workers send "mlflow:5000".
        var allowed = mlflow.Command.Single(a => a.StartsWith("--allowed-hosts=", StringComparison.Ordinal))["--allowed-hosts=".Length..].Split(',');
        Assert.Contains($"{uri.Host}:{uri.Port}", allowed);
        Assert.Contains("--serve-artifacts", mlflow.Command);
    }

    [Fact]
    public void The_work_folder_is_a_named_volume_every_HyenaFlow_service_mounts()
    {
        var work = Setting("HYENAFLOW_WORK");
        foreach (var (name, service) in Compose.HyenaFlowServices)
        {
            var mount = service.Volumes.Select(v => v.Split(':')).FirstOrDefault(v => v[1] == work);
            Assert.True(mount is not null && Compose.Document.Volumes.ContainsKey(mount[0]), $"service {name}: HYENAFLOW_WORK={work} is not on a named volume, so a recovered stage could not resume from another worker's checkpoint");
        }
    }

    [Fact]
    public void The_server_listens_beyond_loopback_and_therefore_gets_an_api_key()
    {
        var (name, server) = Compose.SingleService(s => ComposeServicesTests.Verb(s) == "serve", "runs `hyenaflow serve`");
        var urls = ComposeServicesTests.Option(server, "--urls")!.Split(';');
        Assert.Contains(urls, u => !BindAddresses.IsLoopback(u));
        Assert.Equal(ComposeFile.FilledSecrets["HYENAFLOW_API_KEY"], server.Environment.GetValueOrDefault("HYENAFLOW_API_KEY"));
        Assert.True(server.Command.Contains("--api-only"), $"service {name}: the workers execute the stages; the server should only serve");
    }

    [Fact]
    public void Secrets_come_only_from_required_variables_without_defaults()
    {
        foreach (var secret in ComposeFile.FilledSecrets.Keys)
        {
            var uses = Compose.Uses.Where(u => u.Name == secret).ToList();
            Assert.NotEmpty(uses);
            Assert.All(uses, u => Assert.True(u.Operator == ":?", $"{ComposeFile.FileName} line {u.Line}: use ${{{secret}:?message}} so that compose refuses to start without it, never a default"));
        }

        // A .env copied from the example as it is (secrets empty) must not start.
        var error = Assert.Throws<InvalidDataException>(() => ComposeFile.Parse(Repository.ReadText(ComposeFile.FileName), EnvExample.Load().Values));
        Assert.Contains("requires", error.Message);
    }

    private static string Setting(string variable) =>
        Compose.HyenaFlowServices.First().Value.Environment.GetValueOrDefault(variable)
        ?? throw new Xunit.Sdk.XunitException($"{ComposeFile.FileName}: HyenaFlow services get no {variable}");

    private static ComposeService Service(string host) =>
        Compose.Services.GetValueOrDefault(host) ?? throw new Xunit.Sdk.XunitException($"{ComposeFile.FileName}: the settings point at '{host}', which is not a service");
}
