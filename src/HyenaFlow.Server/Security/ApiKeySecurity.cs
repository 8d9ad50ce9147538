namespace HyenaFlow.Server.Security;

public static class ApiKeySecurity
{
    public static IServiceCollection AddApiKeySecurity(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyPolicy>();
        services.AddHostedService<BindGuard>();
        return services;
    }

    /// <summary>Every request (API, OpenAPI document, reference page) passes the key check when a key is needed.
    /// A missing or wrong key gets a bare 401: no body, nothing about why.</summary>
    public static IApplicationBuilder UseApiKeySecurity(this IApplicationBuilder app)
    {
        var policy = app.ApplicationServices.GetRequiredService<ApiKeyPolicy>();
        return app.Use(async (context, next) =>
        {
            var local = context.Connection.LocalIpAddress;
            var needed = policy.KeyRequiredByBinding || (local is not null && !BindAddresses.IsLoopback(local));
            if (needed && !policy.Accepts(SingleHeader(context.Request)))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            await next(context);
        });
    }

    private static string? SingleHeader(HttpRequest request) =>
        request.Headers.TryGetValue(ApiKeyPolicy.Header, out var values) && values.Count == 1 ? values[0] : null;
}
