using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace HyenaFlow.Server.Hosting;

/// <summary>Serves the built Studio at <c>/</c>; its routes are hash routes, so no fallback to index.html is needed.</summary>
internal static class StudioFiles
{
    public static WebApplication UseStudio(this WebApplication app)
    {
        string folder = Path.GetFullPath(app.Services.GetRequiredService<IOptions<ServerOptions>>().Value.Studio);
        if (!File.Exists(Path.Combine(folder, "index.html")))
        {
            app.Logger.LogInformation("Studio not built ({Folder} has no index.html): serving the API only.", folder);
            return app;
        }

        var files = new PhysicalFileProvider(folder);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        return app;
    }
}
