using HyenaFlow.Workflows.Activities;
using HyenaFlow.Workflows.Runtime.Execution;
using HyenaFlow.Workflows.Runtime.State;
using Npgsql;

namespace HyenaFlow.Cluster.Tests;

/// <summary>How HYENAFLOW_DB chooses the provider, and the pool names workers take.</summary>
public sealed class DatabaseSettingTests
{
    [Fact]
    public void A_path_is_a_sqlite_file()
    {
        var setting = DatabaseSetting.Parse(Path.Combine(".hyenaflow", "hyenaflow.db"));
        Assert.Equal(DatabaseProvider.Sqlite, setting.Provider);
        Assert.Equal(Path.GetFullPath(Path.Combine(".hyenaflow", "hyenaflow.db")), setting.FilePath);
    }

    [Fact]
    public void A_postgres_uri_becomes_an_npgsql_connection_and_its_display_hides_the_password()
    {
        var setting = DatabaseSetting.Parse("postgres://hf:s%40cret@db.internal:6543/hyenaflow?sslmode=require");
        Assert.Equal(DatabaseProvider.PostgreSql, setting.Provider);
        var builder = new NpgsqlConnectionStringBuilder(setting.ConnectionString);
        Assert.Equal(("db.internal", 6543, "hyenaflow", "hf", "s@cret", SslMode.Require), (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password, builder.SslMode));
        Assert.Equal("postgres://hf@db.internal:6543/hyenaflow", setting.Display);
        Assert.Null(setting.FilePath);
    }

    [Fact]
    public void A_connection_string_with_a_host_is_postgres()
    {
        var setting = DatabaseSetting.Parse("Host=localhost;Database=hyenaflow;Username=hf;Password=x");
        Assert.Equal(DatabaseProvider.PostgreSql, setting.Provider);
        Assert.Equal("postgres://hf@localhost:5432/hyenaflow", setting.Display);
    }

    [Theory]
    [InlineData("postgres://hf:pw@host:5432/", "names no database")]
    [InlineData("postgresql://hf:pw@host/a/b", "names no database")]
    [InlineData("postgres://hf:pw@host/db?nosuchoption=1", "nosuchoption")]
    [InlineData("Host=localhost;Username=hf", "names no database")]
    public void A_bad_postgres_setting_is_refused_naming_the_variable_and_not_the_password(string value, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => DatabaseSetting.Parse(value));
        Assert.StartsWith("HYENAFLOW_DB", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(":pw", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pools_are_cpu_and_gpu_and_an_empty_list_means_every_pool()
    {
        Assert.Equal(new HashSet<Resources> { Resources.Cpu, Resources.Gpu }, ExecutionPools.ParseList("cpu, GPU", "HYENAFLOW_POOLS"));
        Assert.Null(ExecutionPools.ParseList(" ", "HYENAFLOW_POOLS"));
        Assert.Equal("gpu", ExecutionPools.GroupOf(Resources.Gpu));
        Assert.Contains("expected cpu or gpu", Assert.Throws<ArgumentException>(() => ExecutionPools.Parse("tpu", "--pool")).Message, StringComparison.Ordinal);
    }
}
